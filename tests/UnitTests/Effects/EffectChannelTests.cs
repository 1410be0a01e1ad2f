using Engagement.Checkpoints;
using Engagement.Effects;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engagement.UnitTests.Effects;

/// <summary>The effect channel: per target in order, one call at a time, and never more calls under way across the
/// channels than the shared places allow.</summary>
public sealed class EffectChannelTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

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
    public async Task Calls_under_way_never_exceed_the_shared_places_and_every_effect_is_delivered_once_in_order()
    {
        var places = new SemaphoreSlim(2);
        var advisors = Channel("advisor", places);
        var buckets = Channel("schedule", places);
        var done = 0;
        for (var i = 0; i < 3; i++)
        {
            foreach (var target in new[] { "A1", "A2", "A3" })
            {
                advisors.Post(target, i, () => Interlocked.Increment(ref done));
            }
            buckets.Post("B1", i, () => Interlocked.Increment(ref done));
        }

        await WaitUntilAsync(() => Volatile.Read(ref _underWay) == 2);
        _release.SetResult();
        await WaitUntilAsync(() => Volatile.Read(ref done) == 12);

        Assert.Equal(2, _mostUnderWay);
        Assert.Equal(2, places.CurrentCount);
        lock (_gate)
        {
            Assert.Equal(12, _taken.Count);
            foreach (var target in new[] { "A1", "A2", "A3", "B1" })
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
        var places = new SemaphoreSlim(1);
        var failures = 0;
        var failing = new EffectChannel<int>("failing", (_, _) => Interlocked.Increment(ref failures) == 1
                ? Task.FromException<Task>(new InvalidOperationException("storage is away"))
                : Task.FromResult(Task.CompletedTask),
            _sequences, places, TimeProvider.System, NullLogger.Instance, _stopping.Token);
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var other = new EffectChannel<int>("other", (_, _) => Task.FromResult(Task.CompletedTask),
            _sequences, places, TimeProvider.System, NullLogger.Instance, _stopping.Token);
        var retried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        failing.Post("F1", 0, retried.SetResult);
        await WaitUntilAsync(() => Volatile.Read(ref failures) == 1);
        other.Post("O1", 0, delivered.SetResult);

        await delivered.Task.WaitAsync(Deadline);
        await retried.Task.WaitAsync(Deadline);
        Assert.Equal(2, failures);
    }

    private EffectChannel<int> Channel(string name, SemaphoreSlim places) =>
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
        }, _sequences, places, TimeProvider.System, NullLogger.Instance, _stopping.Token);

    private static async Task WaitUntilAsync(Func<bool> holds)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!holds())
        {
            await Task.Delay(5, deadline.Token);
        }
    }
}
