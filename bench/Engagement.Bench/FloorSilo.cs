using Engagement.Development;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engagement.Bench;

/// <summary>A silo in this process for the floor, hosted as the engine hosts its own (<c>EngineHost</c>): localhost
/// clustering on free ports, the same Orleans packages and their generated serializers; no storage, no streams.</summary>
public sealed class FloorSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private FloorSilo(IHost host) => _host = host;

    /// <summary>Calls grains from inside the silo, as the engine's ingest does.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts the silo.</summary>
    public static async Task<FloorSilo> StartAsync(CancellationToken cancellation)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next(), serviceId: "bench-floor", clusterId: "bench-floor"));
        var host = builder.Build();
        await host.StartAsync(cancellation);
        return new FloorSilo(host);
    }

    /// <summary>Stops the silo, deactivating every floor grain.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
