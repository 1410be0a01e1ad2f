using System.Runtime.InteropServices;
using Engagement.Development.Kafka;
using Engagement.Silo.Kafka;

namespace Engagement.Bench;

/// <summary>One benchmark run: an embedded broker, the workload produced into it once, then every measurement in turn.</summary>
public static class BenchRunner
{
    /// <summary>Runs every measurement and returns their figures and checks.</summary>
    public static async Task<BenchContext> RunAsync(BenchOptions options, TextWriter progress, CancellationToken cancellation)
    {
        using var broker = EmbeddedKafkaBroker.Start();
        var workload = await Workload.ProduceAsync(broker, options, progress, cancellation);
        var context = new BenchContext(workload, options, progress);
        context.Report(new Figure("date", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'")));
        context.Report(new Figure("machine",
            $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC"));
        context.Report(new Figure("workload",
            $"{workload.CustomerIds.Count:N0} customers, {workload.Records:N0} records ({workload.CustomerEvents:N0} customer events, {workload.NavUpdates:N0} NAV updates), {options.Partitions} partitions per topic"));

        if (options.Customers < BenchOptions.GoalCustomers)
        {
            context.Report(new Figure("note",
                $"{options.Customers:N0} customers, not the goals' {BenchOptions.GoalCustomers:N0} (the default): compare these figures with each other, not with the goals"));
        }

        List<IMeasurement> measurements =
        [
            new BareConsumerMeasurement(),
            new FloorMeasurement(),
            new EngineIngestMeasurement(),
            new DurableStorageMeasurement(),
        ];
        if (options.Cluster)
        {
            measurements.Add(new ClusterIngestMeasurement());
        }
        foreach (var measurement in measurements)
        {
            await measurement.MeasureAsync(context, cancellation);
        }
        return context;
    }
}
