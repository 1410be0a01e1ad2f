using Engagement.Checkpoints;
using Engagement.Effects;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Engagement.UnitTests.Effects;

/// <summary>The effect channel: per target in order, one call at a time, and never more calls under way over all its
/// targets than its bound.</summary>
public sealed class EffectChannelTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly string[] Targets = ["A1", "A2", "A3", "A4"];

    private readonly CancellationTokenSource _stopping = new();
    private readonly SequenceTracker _sequences = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Target, int Item)> _taken = [];
    private int _underWay;
    private int _mostUnderWay;

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [Fact]
    public async Task Calls_under_way_never_exceed_the_bound_and_every_effect_is_delivered_once_in_order()
    {
        var advisors = Channel("advisor", maxInFlight: 2);
        var done = 0;
        for (var i = 0; i < 3; i++)
        {
            foreach (var target in Targets)
            {
                advisors.Post(target, i, () => Interlocked.Increment(ref done));
            }
        }

        await WaitUntilAsync(() => Volatile.Read(ref _underWay) == 2);
        _release.SetResult();
        await WaitUntilAsync(() => Volatile.Read(ref done) == 12);

        Assert.Equal(2, _mostUnderWay);
        lock (_gate)
        {
            Assert.Equal(12, _taken.Count);
            foreach (var target in Targets)
            {
                Assert.Equal([0, 1, 2], _taken.Where(t => t.Target == target).Select(t => t.Item));
            }
        }
        Assert.Equal(12, _sequences.Last);
        Assert.True(_sequences.WhenDoneThroughAsync(12).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_failing_target_gives_its_place_back_while_it_waits_to_retry()
    {
        var calls = new List<string>();
        var clock = new FakeTimeProvider();
        var channel = new EffectChannel<int>("advisor", (target, _) =>
        {
            lock (calls)
            {
                calls.Add(target);
            }
            return target == "F1" && calls.Count == 1
                ? Task.FromException<Task>(new InvalidOperationException("storage is away"))
                : Task.FromResult(Task.CompletedTask);
        }, _sequences, maxInFlight: 1, clock, NullLogger.Instance, _stopping.Token);
        var retried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        channel.Post("F1", 0, retried.SetResult);
        await WaitUntilAsync(() => { lock (calls) { return calls.Count == 1; } });
        channel.Post("O1", 0, delivered.SetResult);

        // O1 goes while F1 waits to retry (the clock stands still), with the one place F1 gave back.
        await delivered.Task.WaitAsync(Deadline);
        Assert.False(retried.Task.IsCompleted);
        // Advanced until the retry comes: F1 may still be on its way into its wait.
        await WaitUntilAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return retried.Task.IsCompleted;
        });
        lock (calls)
        {
            Assert.Equal(["F1", "O1", "F1"], calls);
        }
    }

    private EffectChannel<int> Channel(string name, int maxInFlight) =>
        new(name, async (target, items) =>
        {
            lock (_gate)
            {
                _underWay++;
                _mostUnderWay = Math.Max(_mostUnderWay, _underWay);
            }
            await _release.Task;
            lock (_gate)
            {
                _underWay--;
                _taken.AddRange(items.Select(i => (target, i)));
            }
            return Task.CompletedTask;
        }, _sequences, maxInFlight, TimeProvider.System, NullLogger.Instance, _stopping.Token);

    private static async Task WaitUntilAsync(Func<bool> holds)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!holds())
        {
            await Task.Delay(5, deadline.Token);
        }
    }
}
