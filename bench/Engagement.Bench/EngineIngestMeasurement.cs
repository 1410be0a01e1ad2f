namespace Engagement.Bench;

/// <summary>The engine's sustained ingest rate with in-memory grain state, its ratio to the bare consumer, its GC
/// pauses and what it allocates per record: what the engine costs over reading the records, storage apart.</summary>
public sealed class EngineIngestMeasurement : IMeasurement
{
    /// <inheritdoc />
    public async Task MeasureAsync(BenchContext context, CancellationToken cancellation)
    {
        var workload = context.Workload;
        var result = await EngineIngestRun.RunAsync(workload, new Dictionary<string, string?> { ["Storage:Provider"] = "Memory" },
            context.Progress, cancellation);
        context.Applied.Add(new AppliedCount("in-memory state", result.EventsApplied, result.DeadLettered));
        context.Report(new Figure("engine ingest",
            $"{result.EventsPerSecond:N0} events/s (in-memory grain state; {workload.Records:N0} records durably applied in {result.Elapsed.TotalSeconds:N1} s)"));
        context.ReportRatio("ingest ratio", result.EventsPerSecond, context.BaselineEventsPerSecond);
        context.ReportRatio("floor ratio", result.EventsPerSecond, context.FloorEventsPerSecond);
        context.Report(new Figure("engine GC pauses",
            $"{result.GcPauseShare:P0} of the ingest time; {result.AllocatedBytesPerRecord:N0} bytes allocated per record"));
    }
}
