namespace Engagement.Development.Standalone;

/// <summary>What the <c>broker</c> and <c>azurite</c> commands share: the engine's configuration, and a failure to
/// start told in one line.</summary>
internal static class StandaloneService
{
    /// <summary>Exit code of a service that could not start.</summary>
    public const int FailedExitCode = 1;

    /// <summary>appsettings.json beside the launcher, environment variables and <paramref name="args"/>, as the engine reads them.</summary>
    public static IConfiguration Configuration(string[] args) =>
        Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory }).Configuration;

    /// <summary>Runs <paramref name="run"/>, the service named <paramref name="service"/>; a start that fails (a port taken, npm away) is printed, not thrown.</summary>
    public static async Task<int> RunAsync(string service, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            await Console.Error.WriteLineAsync($"{service} did not start: {ex.Message}");
            return FailedExitCode;
        }
    }
}
