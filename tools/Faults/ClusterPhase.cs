using Engagement.Development;
using Engagement.Development.Kafka;
using Engagement.Development.Storage;

namespace Engagement.Faults;

/// <summary>The cluster phase: silos on Azure Table membership in a standalone Azurite, fed mid-stream with a SIGKILL
/// of one silo and its restart, one more silo joining (a rebalance), and storage away for a while.</summary>
public static class ClusterPhase
{
    /// <summary>Runs the phase and answers its figures.</summary>
    public static async Task<PhaseFigures> RunAsync(FaultOptions options, EmbeddedKafkaBroker broker, TextWriter log, CancellationToken cancellation)
    {
        var phase = Phase.Prepare("cluster", options.Customers, options.Seed, options, broker, log);
        var root = AzuriteProcess.FindRepositoryRoot();
        var port = FreePort.Next();
        var folder = Path.Combine(options.DataFolder, phase.Topics.Name, "azurite");
        var azurite = await AzuriteProcess.StartAsync(root, port, folder, cancellation);
        try
        {
            var settings = phase.Topics.EngineSettings(broker.BootstrapServers);
            settings["Storage:ConnectionString"] = azurite.ConnectionString;
            settings["Orleans:Clustering"] = "AzureTable";
            settings["Orleans:ClusterId"] = phase.Topics.Name;
            settings["Orleans:AdvertisedAddress"] = "127.0.0.1";
            await using var silos = new Silos(settings);
            for (var i = 0; i < options.Silos; i++)
            {
                await silos.AddAsync();
            }
            log.WriteLine($"  {silos.Count} silos ready; Azurite on port {port}, data in {folder}");

            var feeding = phase.Feed.RunAsync(log, cancellation);
            await phase.Feed.ReachedAsync(0.15, cancellation);
            log.WriteLine($"  SIGKILL silo {options.Silos}");
            await silos.KillAsync(options.Silos);
            await phase.Feed.ReachedAsync(0.30, cancellation);
            log.WriteLine($"  restarting silo {options.Silos}");
            await silos.RestartAsync(options.Silos);
            log.WriteLine($"  silo {options.Silos} ready again; adding silo {options.Silos + 1}");
            await phase.Feed.ReachedAsync(0.45, cancellation);
            await silos.AddAsync();
            log.WriteLine($"  silo {silos.Count} ready");
            await phase.Feed.ReachedAsync(0.60, cancellation);
            log.WriteLine($"  storage away: Azurite stopped for {options.StorageOutage.TotalSeconds:0} s");
            await azurite.DisposeAsync();
            await Task.Delay(options.StorageOutage, cancellation);
            azurite = await AzuriteProcess.StartAsync(root, port, folder, cancellation);
            log.WriteLine("  storage back: Azurite started again on the same port and folder");
            await feeding;
            log.WriteLine("  every record sent");
            return await phase.CheckAsync(silos.Apis, cancellation);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}
