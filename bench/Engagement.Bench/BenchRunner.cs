using System.Runtime.InteropServices;
using Engagement.Silo.Kafka;

namespace Engagement.Bench;

/// <summary>One benchmark run: an embedded broker, the workload produced into it once, then every measurement in turn.</summary>
public static class BenchRunner
{
    /// <summary>Runs every measurement and returns their figures and checks.</summary>
    public static async Task<BenchContext> RunAsync(BenchOptions options, TextWriter progress, CancellationToken cancellation)
    {
        using var broker = EmbeddedKafkaBroker.Start();
        var workload = await Workload.ProduceAsync(broker.BootstrapServers, options, progress, cancellation);
        var context = new BenchContext(workload, options, progress);
        context.Figures.Add(new Figure("date", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'")));
        context.Figures.Add(new Figure("machine",
            $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC"));
        context.Figures.Add(new Figure("workload",
            $"{workload.CustomerIds.Count:N0} customers, {workload.Records:N0} records ({workload.CustomerEvents:N0} customer events, {workload.NavUpdates:N0} NAV updates), {options.Partitions} partitions per topic"));

        if (options.Customers < BenchOptions.GoalCustomers)
        {
            context.Figures.Add(new Figure("note",
                $"{options.Customers:N0} customers, not the goals' {BenchOptions.GoalCustomers:N0}: a run of {BenchOptions.GoalCustomers:N0} does not finish in 15 minutes on 2 cores (docs/PERFORMANCE.md)"));
        }

        IMeasurement[] measurements =
        [
            new BareConsumerMeasurement(),
            new EngineIngestMeasurement(),
            new DurableStorageMeasurement(),
        ];
        foreach (var measurement in measurements)
        {
            await measurement.MeasureAsync(context, cancellation);
        }
        return context;
    }
}
