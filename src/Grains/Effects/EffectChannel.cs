using Engagement.Checkpoints;
using Microsoft.Extensions.Logging;

namespace Engagement.Effects;

/// <summary>Carries effects to their targets after the turn that caused them: per target, one call at a time with
/// everything queued for it meanwhile, in the order posted, retried until it succeeds.</summary>
/// <remarks>Every effect is numbered in the shared <see cref="SequenceTracker"/> when posted and ended once its target
/// has it durably, so a checkpoint can wait for the effects posted before it. <c>send</c> completes once the target
/// has taken the batch, and answers the task that completes once the target has stored it: the next batch goes as
/// soon as the first completes, so a target's storage never delays what it shows live. At most <c>maxInFlight</c>
/// sends are under way at once, over all targets.</remarks>
public sealed class EffectChannel<TItem>(
    string name,
    Func<string, IReadOnlyList<TItem>, Task<Task>> send,
    SequenceTracker sequences,
    int maxInFlight,
    TimeProvider clock,
    ILogger logger,
    CancellationToken stopping)
{
    private const int MaxBatch = 1_000;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<Posted>> _queues = new(StringComparer.Ordinal);

    // Never disposed: a send still under way when the host stops gives its place back after the channel is done with.
    private readonly SemaphoreSlim _inFlight = new(maxInFlight);

    /// <summary>Queues <paramref name="item"/> for <paramref name="target"/>; <paramref name="done"/> runs once the
    /// target has it.</summary>
    public void Post(string target, TItem item, Action? done)
    {
        var posted = new Posted(item, done, sequences.Begin());
        bool start;
        lock (_gate)
        {
            start = !_queues.TryGetValue(target, out var queue);
            if (start)
            {
                _queues[target] = queue = new Queue<Posted>();
            }
            queue!.Enqueue(posted);
        }
        if (start)
        {
            _ = Task.Run(() => SendAsync(target));
        }
    }

    // Stopping ends the sending: what was not delivered is still in its customers' checkpointed outboxes, and goes
    // out again when they are next activated.
    private async Task SendAsync(string target)
    {
        while (!stopping.IsCancellationRequested && Take(target) is { } batch)
        {
            var items = batch.Select(p => p.Item).ToList();
            var stored = await TakenAsync(target, items);
            _ = SettleAsync(target, batch, items, stored);
        }
    }

    // Sends until the target has taken the batch; answers the task of its storing it.
    private async Task<Task> TakenAsync(string target, List<TItem> items)
    {
        var delay = FirstRetryDelay;
        for (var failures = 1; ; failures++)
        {
            await _inFlight.WaitAsync(stopping);
            Exception failure;
            try
            {
                return await send(target, items);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                failure = e;
            }
            finally
            {
                // Released before the retry's wait: a target that fails keeps no place from the others.
                _inFlight.Release();
            }
            logger.LogWarning("Delivering {Count} {Channel} effects failed ({Failures} in a row, retrying in {Delay} ms): {Error}",
                items.Count, name, failures, delay.TotalMilliseconds, LoggedFailure.Describe(failure));
            await Task.Delay(delay, clock, stopping);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetryDelay.Ticks));
        }
    }

    // A batch whose storing fails is sent again whole: targets take repeats idempotently.
    private async Task SettleAsync(string target, List<Posted> batch, List<TItem> items, Task stored)
    {
        while (true)
        {
            try
            {
                await stored;
                break;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning("Storing {Count} {Channel} effects failed; sending them again: {Error}", items.Count, name, LoggedFailure.Describe(e));
                await Task.Delay(FirstRetryDelay, clock, stopping);
                stored = await TakenAsync(target, items);
            }
        }
        foreach (var posted in batch)
        {
            posted.Done?.Invoke();
            sequences.End(posted.Sequence);
        }
    }

    // Null when the target's queue is empty: the queue goes, and the next post starts a new sender.
    private List<Posted>? Take(string target)
    {
        lock (_gate)
        {
            var queue = _queues[target];
            if (queue.Count == 0)
            {
                _queues.Remove(target);
                return null;
            }
            var batch = new List<Posted>(Math.Min(queue.Count, MaxBatch));
            while (batch.Count < MaxBatch && queue.TryDequeue(out var posted))
            {
                batch.Add(posted);
            }
            return batch;
        }
    }

    private sealed record Posted(TItem Item, Action? Done, long Sequence);
}
