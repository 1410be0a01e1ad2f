using Engagement.Bench;
using Engagement.EndToEndTests.Support;

namespace Engagement.EndToEndTests.Bench;

/// <summary>Keeps the benchmark working: its measurement code over a few hundred customers; nothing here is timed.</summary>
[Collection(EngineCollection.Name)]
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task A_small_run_reports_every_figure_and_the_engine_applies_every_event_exactly_once()
    {
        var run = await BenchRunner.RunAsync(BenchOptions.Smoke with { Customers = 300, LatencySeconds = 3 }, TextWriter.Null, CancellationToken.None);

        Assert.Equal(["in-memory state", "durable state", "durable state, 2 silos"], run.Applied.Select(a => a.Run));
        Assert.All(run.Applied, a => Assert.Equal((run.Workload.CustomerEvents, 0), (a.EventsApplied, a.DeadLettered)));
        Assert.True(run.Workload.NavUpdates > 0 && run.Workload.CustomerEvents > 300 * 4);
        Assert.Equal(
            ["date", "machine", "workload", "note", "bare consumer", "floor", "engine ingest", "ingest ratio", "floor ratio",
             "engine GC pauses", "engine durable ingest", "bare table upserts", "storage ratio", "latency",
             "GC pauses during the latency probe", "memory per active customer", "memory per packed customer", "heap growth per customer",
             "working set", "customer state on the heap", "engine durable ingest, 2 silos", "2-silo ratio"],
            run.Figures.Select(f => f.Name));
        Assert.All(run.Figures, f => Assert.False(string.IsNullOrWhiteSpace(f.Value)));
        Assert.Matches(@"^[0-9,]+ events/s \(", Figure(run, "floor"));
        Assert.Matches(@"^[0-9]+\.[0-9]{2}$", Figure(run, "floor ratio"));
        Assert.Matches(@"^[0-9]+ % of the ingest time; [0-9,]+ bytes allocated per record$", Figure(run, "engine GC pauses"));
        Assert.Matches(@"^[0-9,]+ MiB allocated, [0-9,]+ collections, [0-9,]+ of them seen \([0-9,]+ gen1, [0-9,]+ gen2, ",
            Figure(run, "GC pauses during the latency probe"));
        Assert.Matches(@"^[0-9,]+ events/s \(", Figure(run, "engine durable ingest, 2 silos"));
        Assert.Matches(@"^[0-9]+\.[0-9]{2}$", Figure(run, "2-silo ratio"));
    }

    private static string Figure(BenchContext run, string name) => run.Figures.Single(f => f.Name == name).Value;
}
