using Azure.Data.Tables;
using Engagement.Development.Storage;
using Engagement.Silo.Kafka;
using Engagement.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Bench;

/// <summary>The engine with its default, durable grain state on Azure Table Storage (an Azurite of the bench's own):
/// its sustained rate against bare table upserts of same-size entities at the same concurrency on the same Azurite
/// (the storage ratio), its trigger latency at half that rate, and its memory per active customer.</summary>
public sealed class DurableStorageMeasurement : IMeasurement
{
    // Customers are spread over Storage:CheckpointPartitions tables by a hash of their id: eight are a fair sample of sizes.
    private const int SampledPartitions = 8;

    /// <summary>Enough upserts for a steady rate, few enough to take seconds rather than minutes.</summary>
    private const int MaxBaselineUpserts = 50_000;

    /// <inheritdoc />
    public async Task MeasureAsync(BenchContext context, CancellationToken cancellation)
    {
        var workload = context.Workload;
        await using var azurite = await TemporaryAzurite.StartAsync(cancellation, inMemory: true);
        var table = TemporaryAzurite.NewTableName();
        var settings = DurableSettings.In(azurite, table);
        LatencyResult? latency = null;
        IdleReleaseResult? release = null;
        var entityBytes = 0;
        var stateBytes = 0.0;
        var engine = await EngineIngestRun.RunAsync(workload, settings, context.Progress, cancellation, async (running, result) =>
        {
            // Weighed before the latency probe adds its own events to the customers.
            entityBytes = await MeanCustomerStateBytesAsync(azurite.ConnectionString, table, cancellation);
            stateBytes = await StateFootprint.MeanCustomerStateBytesAsync(running, workload.CustomerIds);
            latency = await TriggerLatencyProbe.MeasureAsync(running, workload, result.EventsPerSecond / 2,
                TimeSpan.FromSeconds(context.Options.LatencySeconds), context.Progress, cancellation);
            release = await IdleRelease.MeasureAsync(running, workload.CustomerIds.Count, context.Progress, cancellation);
        }, services: ReadsLatencyProbe);
        context.Applied.Add(new AppliedCount("durable state", engine.EventsApplied, engine.DeadLettered));
        context.DurableEventsPerSecond = engine.EventsPerSecond;

        var concurrency = new KafkaOptions().MaxConcurrentApplies;
        var upserts = (int)Math.Min(workload.CustomerEvents, MaxBaselineUpserts);
        var baseline = await TableUpsertBaseline.MeasureAsync(azurite.ConnectionString, workload.CustomerIds, entityBytes, upserts,
            concurrency, context.Progress, cancellation);

        context.Report(new Figure("engine durable ingest",
            $"{engine.EventsPerSecond:N0} events/s (grain state on Azure Table Storage in Azurite; {workload.Records:N0} records durably applied in {engine.Elapsed.TotalSeconds:N1} s)"));
        context.Report(new Figure("bare table upserts",
            $"{baseline:N0} upserts/s ({upserts:N0} entities of {entityBytes:N0} bytes, the engine's mean customer state, {concurrency} at a time)"));
        context.ReportRatio("storage ratio", engine.EventsPerSecond, baseline);
        if (latency is { } l)
        {
            context.Report(new Figure("latency",
                $"p50 {Ms(l.Percentile(0.50))} ms, p90 {Ms(l.Percentile(0.90))} ms, p99 {Ms(l.Percentile(0.99))} ms, max {Ms(l.Percentile(1))} ms " +
                $"(produce to the advisor's SSE stream; {l.Latencies.Count:N0} of {l.Timed:N0} timed triggers received, at {l.EventsPerSecond:N0} events/s)"));
            context.Report(new Figure("GC pauses during the latency probe", l.Pauses.ToString()));
        }
        if (release is { } r)
        {
            context.Report(new Figure("memory per active customer",
                $"{r.PerActiveCustomer:N0} bytes (durable run, right after the latency probe used the customers: managed heap after full GC, {Mib(r.ActiveBytes)} MiB, less the heap once every activation was collected, {Mib(r.IdleBytes)} MiB, ÷ customers)"));
            context.Report(new Figure("memory per packed customer",
                $"{r.PerPackedCustomer:N0} bytes (the same once no customer was used for two sweeps of Checkpoints:PackIdleAfter, {Mib(r.PackedBytes)} MiB)"));
        }
        context.Report(new Figure("heap growth per customer",
            $"{engine.HeapBytesPerCustomer:N0} bytes (durable run: managed heap after full GC, all customers active vs before the silo started, ÷ customers: the silo's fixed costs included)"));
        context.Report(new Figure("working set",
            $"{Mib(engine.WorkingSetBytes)} MiB, the whole bench process with every customer active (engine, broker, what the in-memory run left)"));
        context.Report(new Figure("customer state on the heap",
            $"{stateBytes:N0} bytes per customer (states read back through the engine's checkpoint store and held; the rest of the memory per customer is activations, inboxes and caches)"));
    }

    // A list in configuration would be added to the default topics rather than replace them (how arrays bind): the
    // engine's options are extended directly.
    private static void ReadsLatencyProbe(IServiceCollection services) =>
        services.PostConfigure<KafkaOptions>(o => o.Topics = [.. o.Topics, TriggerLatencyProbe.Topic]);

    private static async Task<int> MeanCustomerStateBytesAsync(string connectionString, string table, CancellationToken cancellation)
    {
        var layout = new StorageOptions { TableName = table };
        long bytes = 0, entities = 0;
        for (var partition = 0; partition < SampledPartitions; partition++)
        {
            var client = new TableClient(connectionString, layout.CheckpointTable(partition));
            await foreach (var entity in client.QueryAsync<TableEntity>(cancellationToken: cancellation))
            {
                bytes += entity.Select(p => p.Value).OfType<byte[]>().Sum(chunk => (long)chunk.Length);
                entities++;
            }
        }
        return entities == 0
            ? throw new InvalidOperationException("The engine stored no customer state in the sampled partitions.")
            : (int)(bytes / entities);
    }

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
}
