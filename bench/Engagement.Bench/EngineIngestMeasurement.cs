namespace Engagement.Bench;

/// <summary>The engine's sustained ingest rate with in-memory grain state, its ratio to the bare consumer, its memory
/// per active customer, and whether it applied every event exactly once.</summary>
public sealed class EngineIngestMeasurement : IMeasurement
{
    /// <inheritdoc />
    public async Task MeasureAsync(BenchContext context, CancellationToken cancellation)
    {
        var workload = context.Workload;
        var result = await EngineIngestRun.RunAsync(workload, new Dictionary<string, string?>(), context.Progress, cancellation);
        context.EventsApplied = result.EventsApplied;
        context.DeadLettered = result.DeadLettered;
        context.Figures.Add(new Figure("engine ingest",
            $"{result.EventsPerSecond:N0} events/s (in-memory grain state; {workload.Records:N0} records durably applied in {result.Elapsed.TotalSeconds:N1} s)"));
        if (context.BaselineEventsPerSecond is { } baseline)
        {
            context.Figures.Add(new Figure("ingest ratio", $"{result.EventsPerSecond / baseline:0.00}"));
        }
        context.Figures.Add(new Figure("engine GC pauses", $"{result.GcPauseShare:P0} of the ingest time"));
        context.Figures.Add(new Figure("memory per active customer",
            $"{result.HeapBytesPerCustomer:N0} bytes (managed heap after full GC, all customers active vs before the silo started, ÷ customers)"));
        context.Figures.Add(new Figure("working set per active customer", $"{result.WorkingSetBytesPerCustomer:N0} bytes (process working set, same points)"));
        context.Figures.Add(new Figure("events applied",
            $"{result.EventsApplied:N0} of {workload.CustomerEvents:N0} customer events; {result.DeadLettered:N0} dead-lettered"));
    }
}
