using Engagement.Development.Storage;

namespace Engagement.Bench;

/// <summary>The engine's durable ingest rate with two silos in this process as one cluster (Azure Table membership) and
/// one consumer group, on the same cores as the one-silo run: what cross-silo calls cost, not a gain.</summary>
public sealed class ClusterIngestMeasurement : IMeasurement
{
    private const int Silos = 2;

    /// <inheritdoc />
    public async Task MeasureAsync(BenchContext context, CancellationToken cancellation)
    {
        var workload = context.Workload;
        // An Azurite of its own, as the one-silo run had: the same empty store, not one filled by that run and its baseline.
        await using var azurite = await TemporaryAzurite.StartAsync(cancellation, inMemory: true);
        var run = Guid.NewGuid().ToString("N");
        var settings = DurableSettings.In(azurite, TemporaryAzurite.NewTableName());
        settings["Orleans:Clustering"] = "AzureTable";
        settings["Orleans:ClusterId"] = $"bench-{run}";
        settings["Orleans:ServiceId"] = $"bench-{run}";
        settings["Orleans:AdvertisedAddress"] = "127.0.0.1";
        var engine = await EngineIngestRun.RunAsync(workload, settings, context.Progress, cancellation, silos: Silos);
        context.Applied.Add(new AppliedCount($"durable state, {Silos} silos", engine.EventsApplied, engine.DeadLettered));
        context.Report(new Figure($"engine durable ingest, {Silos} silos",
            $"{engine.EventsPerSecond:N0} events/s ({Silos} engine silos in this process, Azure Table membership and grain state in Azurite; {workload.Records:N0} records durably applied in {engine.Elapsed.TotalSeconds:N1} s)"));
        context.ReportRatio($"{Silos}-silo ratio", engine.EventsPerSecond, context.DurableEventsPerSecond);
    }
}
