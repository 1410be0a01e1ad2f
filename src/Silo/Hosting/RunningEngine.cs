namespace Engagement.Silo.Hosting;

/// <summary>A built engine and the embedded services it owns; disposing stops the engine, then them.</summary>
public sealed class RunningEngine(WebApplication app, IReadOnlyList<IAsyncDisposable> embedded) : IAsyncDisposable
{
    /// <summary>The web application hosting the silo, ingest and API.</summary>
    public WebApplication App => app;

    /// <summary>Runs until the process is asked to stop.</summary>
    public Task RunAsync() => app.RunAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        foreach (var service in embedded.Reverse())
        {
            await service.DisposeAsync();
        }
    }
}
