using Engagement.Development;
using Engagement.Development.Kafka;
using Engagement.Verification;

namespace Engagement.Faults;

/// <summary>The single-process phase: the development launcher as <c>bash scripts/run.sh</c> starts it (its own Azurite,
/// data on disk, demo off), leading a process group, SIGTERMed as a group mid-stream and started again.</summary>
public static class SingleProcessPhase
{
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(90);

    /// <summary>Runs the phase and answers its figures.</summary>
    public static async Task<PhaseFigures> RunAsync(FaultOptions options, EmbeddedKafkaBroker broker, TextWriter log, CancellationToken cancellation)
    {
        var phase = Phase.Prepare("single", options.SingleProcessCustomers, options.Seed + 1, options, broker, log);
        var settings = phase.Topics.EngineSettings(broker.BootstrapServers);
        settings["Development:AzuritePort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Development:AzuriteFolder"] = Path.Combine(options.DataFolder, phase.Topics.Name, "azurite");
        var engine = await EngineProcess.StartAsGroupAsync(settings);
        try
        {
            log.WriteLine("  engine ready");
            var feeding = phase.Feed.RunAsync(log, cancellation);
            await phase.Feed.ReachedAsync(0.40, cancellation);
            log.WriteLine("  SIGTERM to the engine's process group");
            await engine.TerminateGroupAsync(StopDeadline);
            log.WriteLine($"  engine exited with code {await engine.ExitCodeAsync(StopDeadline)}; starting it again");
            await engine.DisposeAsync();
            engine = await EngineProcess.StartAsGroupAsync(settings);
            log.WriteLine("  engine ready again");
            await feeding;
            log.WriteLine("  every record sent");
            return await phase.CheckAsync([engine.Http], cancellation);
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }
}
