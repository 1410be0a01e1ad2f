using Engagement.Silo.Hosting;
using Engagement.Ingest;
using Engagement.Silo.Kafka;

namespace Engagement.Bench;

/// <summary>The Orleans floor: the engine's ingest with a grain that only returns in place of the customer grain. The
/// most the engine's shape (one call per customer per poll batch) allows on this machine; the floor ratio sets the
/// engine against it.</summary>
public sealed class FloorMeasurement : IMeasurement
{
    /// <inheritdoc />
    public async Task MeasureAsync(BenchContext context, CancellationToken cancellation)
    {
        var workload = context.Workload;
        var settings = new KafkaOptions();
        await using var silo = await FloorSilo.StartAsync(cancellation);
        var calls = new FloorCalls(silo.Grains, new EventParser(new EngineOptions().BaseCurrency), settings.MaxConcurrentApplies, settings.ClusterName);
        var elapsed = await Task.Factory.StartNew(() => new FloorConsumer(workload, calls, settings).Run(context.Progress, cancellation),
            cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (calls.Events != workload.CustomerEvents)
        {
            throw new InvalidOperationException($"The floor passed {calls.Events:N0} customer events to its grains, not the workload's {workload.CustomerEvents:N0}.");
        }

        var rate = workload.Records / elapsed.TotalSeconds;
        context.FloorEventsPerSecond = rate;
        context.Report(new Figure("floor",
            $"{rate:N0} events/s (ingest's batching with a grain that only returns: {calls.Calls:N0} calls for {workload.Records:N0} records, in {elapsed.TotalSeconds:N1} s)"));
    }
}
