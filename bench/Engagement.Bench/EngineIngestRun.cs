using System.Diagnostics;
using Engagement.Customers;
using Engagement.Development;
using Engagement.Silo.Hosting;
using Engagement.Silo.Ingest;
using Engagement.Silo.Kafka;
using Engagement.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Bench;

/// <summary>What one engine run over the workload measured.</summary>
/// <param name="Elapsed">From the ingest's first group assignment until every record was durably applied.</param>
/// <param name="EventsPerSecond">Records over <paramref name="Elapsed"/>.</param>
/// <param name="HeapBytesPerCustomer">Managed heap growth, after full collections, per customer.</param>
/// <param name="WorkingSetBytes">The whole process's working set with every customer active.</param>
/// <param name="GcPauseShare">The share of <paramref name="Elapsed"/> the process spent paused for garbage collection.</param>
/// <param name="AllocatedBytesPerRecord">Managed bytes the whole process allocated over <paramref name="Elapsed"/>, per record.</param>
/// <param name="EventsApplied">The sum of every customer's <c>eventsApplied</c>.</param>
/// <param name="DeadLettered">Records on the dead-letter topic.</param>
public sealed record EngineIngestResult(
    TimeSpan Elapsed, double EventsPerSecond, double HeapBytesPerCustomer, long WorkingSetBytes, double GcPauseShare,
    double AllocatedBytesPerRecord, long EventsApplied, long DeadLettered);

/// <summary>Runs the whole engine in this process over the workload, as one new consumer group, and measures it.</summary>
/// <remarks>Shared by every measurement of the engine: each passes the settings it measures (storage, rules, clustering).</remarks>
public static class EngineIngestRun
{
    private static readonly TimeSpan CommitPollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(120);
    private const int CountingConcurrency = 64;

    /// <summary>Starts <paramref name="silos"/> engines in this process (each on ports of its own; more than one needs
    /// settings that name a membership), waits from the first group assignment until the group's committed offsets
    /// reach the end of every input partition, measures memory, counts what every customer applied, runs
    /// <paramref name="whileUp"/> (if any) against the first engine still running, and stops the engines;
    /// <paramref name="services"/> registers what the run changes in each engine before the engine's own.</summary>
    public static async Task<EngineIngestResult> RunAsync(Workload workload, IDictionary<string, string?> settings, TextWriter progress,
        CancellationToken cancellation, Func<RunningEngine, EngineIngestResult, Task>? whileUp = null, int silos = 1,
        Action<IServiceCollection>? services = null)
    {
        var groupId = $"bench-engine-{Guid.NewGuid():N}";
        var engines = new List<RunningEngine>();
        try
        {
            for (var i = 0; i < silos; i++)
            {
                engines.Add(await LocalEngine.BuildAsync(new Dictionary<string, string?>(settings)
                {
                    ["Kafka:BootstrapServers"] = workload.BootstrapServers,
                    ["Kafka:GroupId"] = groupId,
                }, services: services));
            }
            var label = silos == 1 ? "engine" : $"engine, {silos} silos";
            return await MeasureAsync(engines, workload, groupId, label, progress, cancellation, whileUp);
        }
        finally
        {
            foreach (var engine in engines)
            {
                await engine.DisposeAsync();
            }
        }
    }

    private static async Task<EngineIngestResult> MeasureAsync(IReadOnlyList<RunningEngine> engines, Workload workload, string groupId,
        string label, TextWriter progress, CancellationToken cancellation, Func<RunningEngine, EngineIngestResult, Task>? whileUp)
    {
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var statuses = engines.Select(e => e.App.Services.GetRequiredService<IngestStatus>()).ToList();
        var starting = Task.WhenAll(engines.Select(e => e.App.StartAsync(cancellation)));
        while (!statuses.Any(s => s.Consuming))
        {
            if (starting.IsFaulted || starting.IsCanceled)
            {
                await starting;
            }
            await Task.Delay(1, cancellation);
        }
        var assignedAt = Stopwatch.GetTimestamp();
        var pausedBefore = GC.GetTotalPauseDuration();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        await starting;
        await WaitUntilCommittedAsync(workload, groupId, label, progress, cancellation);
        var elapsed = Stopwatch.GetElapsedTime(assignedAt);
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var first = engines[0];
        var applied = await CountAppliedAsync(first.App.Services.GetRequiredService<IGrainFactory>(), workload.CustomerIds, cancellation);
        using var probe = new KafkaProbe(workload.BootstrapServers);
        var deadLettered = probe.Watermarks(new KafkaOptions().DeadLetterTopic).Sum(w => w.High);

        var customers = (double)workload.CustomerIds.Count;
        var result = new EngineIngestResult(elapsed, workload.Records / elapsed.TotalSeconds,
            (heapAfter - heapBefore) / customers, Environment.WorkingSet,
            paused / elapsed, allocated / (double)workload.Records, applied, deadLettered);
        if (whileUp is not null)
        {
            await whileUp(first, result);
        }
        await Task.WhenAll(engines.Select(e => e.App.StopAsync(CancellationToken.None)));
        return result;
    }

    // Committed offsets move only once everything before them is durably applied: the engine's own "done" signal.
    // Polled on a thread of its own: the probe's calls block, and the engine under test needs every pool thread.
    private static Task WaitUntilCommittedAsync(Workload workload, string groupId, string label, TextWriter progress,
        CancellationToken cancellation) =>
        Task.Factory.StartNew(() =>
        {
            using var probe = new KafkaProbe(workload.BootstrapServers, groupId);
            var ends = workload.Ends.ToDictionary(e => e.TopicPartition, e => e.Offset.Value);
            var reporter = new ProgressReporter(progress, $"{label}: records durably applied", workload.Records);
            // Progress is the most ever committed: a read that comes back lower (a partition's commit not answered in
            // time reads as 0) is no progress, and must not restart the stall clock.
            var most = -1L;
            var advancedAt = Stopwatch.GetTimestamp();
            while (true)
            {
                var done = probe.Committed(ends.Keys).Sum(c => Math.Min(c.Value, ends[c.Key]));
                reporter.Report(done);
                if (done == workload.Records)
                {
                    return;
                }
                if (done > most)
                {
                    (most, advancedAt) = (done, Stopwatch.GetTimestamp());
                }
                else if (Stopwatch.GetElapsedTime(advancedAt) > StallLimit)
                {
                    throw new TimeoutException($"The committed offsets ({label}) stayed at or below {most:N0} of {workload.Records:N0} records for {StallLimit.TotalSeconds:0} s.");
                }
                cancellation.WaitHandle.WaitOne(CommitPollInterval);
                cancellation.ThrowIfCancellationRequested();
            }
        }, cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static async Task<long> CountAppliedAsync(IGrainFactory grains, IReadOnlyList<string> customerIds, CancellationToken cancellation)
    {
        long applied = 0;
        await Parallel.ForEachAsync(customerIds, new ParallelOptions { MaxDegreeOfParallelism = CountingConcurrency, CancellationToken = cancellation },
            async (customerId, _) =>
            {
                if (await grains.GetGrain<ICustomerGrain>(customerId).GetViewAsync() is { } view)
                {
                    Interlocked.Add(ref applied, view.EventsApplied);
                }
            });
        return applied;
    }
}
