using Engagement.Checkpoints;
using Microsoft.Extensions.Logging;

namespace Engagement.Effects;

/// <summary>Carries effects to their targets after the turn that caused them: per target, one call at a time with
/// everything queued for it meanwhile, in the order posted, retried until it succeeds.</summary>
/// <remarks>Every effect is numbered in the shared <see cref="SequenceTracker"/> when posted and ended once its target
/// has it, so a checkpoint can wait for the effects posted before it.</remarks>
public sealed class EffectChannel<TItem>(
    string name,
    Func<string, IReadOnlyList<TItem>, Task> send,
    SequenceTracker sequences,
    TimeProvider clock,
    ILogger logger)
{
    private const int MaxBatch = 1_000;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<Posted>> _queues = new(StringComparer.Ordinal);

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

    private async Task SendAsync(string target)
    {
        while (Take(target) is { } batch)
        {
            var items = batch.Select(p => p.Item).ToList();
            var delay = FirstRetryDelay;
            for (var failures = 1; ; failures++)
            {
                try
                {
                    await send(target, items);
                    break;
                }
                catch (Exception e)
                {
                    logger.LogWarning("Delivering {Count} {Channel} effects failed ({Failures} in a row, retrying in {Delay} ms): {Error}",
                        items.Count, name, failures, delay.TotalMilliseconds, e.GetBaseException().Message);
                    await Task.Delay(delay, clock);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetryDelay.Ticks));
                }
            }
            foreach (var posted in batch)
            {
                posted.Done?.Invoke();
                sequences.End(posted.Sequence);
            }
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
