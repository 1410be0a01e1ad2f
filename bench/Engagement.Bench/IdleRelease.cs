using System.Diagnostics;
using Engagement.Checkpoints;
using Engagement.Customers;
using Engagement.Silo.Hosting;
using Engagement.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Engagement.Bench;

/// <summary>What active customers cost on their own: the managed heap that every activation's collection gives back,
/// per customer, apart from what the silo holds whatever the number of customers (metric series, the grain directory
/// cache, the dashboard's assets, stream caches).</summary>
/// <param name="ActiveBytes">The heap with every customer active and just used, after full collections.</param>
/// <param name="PackedBytes">The same once every customer went unused long enough to be packed.</param>
/// <param name="IdleBytes">The heap once every activation went, after full collections.</param>
/// <param name="Customers">The customers active before the collection.</param>
public sealed record IdleReleaseResult(long ActiveBytes, long PackedBytes, long IdleBytes, int Customers)
{
    /// <summary>What one active, just used customer costs.</summary>
    public double PerActiveCustomer => (ActiveBytes - IdleBytes) / (double)Customers;

    /// <summary>What one active customer costs once packed.</summary>
    public double PerPackedCustomer => (PackedBytes - IdleBytes) / (double)Customers;
}

/// <summary>Weighs the heap; waits until the states are packed (two sweeps of <c>Checkpoints:PackIdleAfter</c>) and
/// weighs it again; makes the silo collect every idle activation (as Orleans does with customers idle for its
/// collection age), waits until no customer is active, and weighs it a last time.</summary>
public static class IdleRelease
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);
    private static readonly string CustomerGrainType = typeof(CustomerGrain).FullName!;

    /// <summary>Measures the release over <paramref name="customers"/> active customers of <paramref name="engine"/>.</summary>
    public static async Task<IdleReleaseResult> MeasureAsync(RunningEngine engine, int customers, TextWriter progress, CancellationToken cancellation)
    {
        var management = engine.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var active = GC.GetTotalMemory(forceFullCollection: true);
        var packing = engine.App.Services.GetRequiredService<IOptions<CheckpointOptions>>().Value.PackIdleAfter * 2;
        await progress.WriteLineAsync($"idle release: waiting {packing.TotalSeconds:0} s for the states to be packed");
        await Task.Delay(packing, cancellation);
        var packed = GC.GetTotalMemory(forceFullCollection: true);
        await management.ForceActivationCollection(TimeSpan.Zero);
        var started = Stopwatch.GetTimestamp();
        var reporter = new ProgressReporter(progress, "idle release: customers deactivated", customers);
        while (await ActiveCustomersAsync(management) is var left && left > 0)
        {
            reporter.Report(customers - left);
            if (Stopwatch.GetElapsedTime(started) > Deadline)
            {
                throw new TimeoutException($"{left:N0} customers were still active {Deadline.TotalMinutes:0} minutes after the collection.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
            await management.ForceActivationCollection(TimeSpan.Zero);
        }
        var idle = GC.GetTotalMemory(forceFullCollection: true);
        return new IdleReleaseResult(active, packed, idle, customers);
    }

    private static async Task<int> ActiveCustomersAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains(CustomerGrainType, StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);
}
