using System.Collections.Concurrent;
using Engagement.Checkpoints;
using Engagement.Customers;

namespace Engagement.Silo.Ingest;

/// <summary>Per customer, within one run of the consumer, the answer to its latest batch not yet known durable: the
/// next batch names it, so that an activation that did not give it (the one that did is gone with its silo) refuses to
/// apply later events over lost ones. A refused customer takes no more batches until the replay's run.</summary>
public sealed class PendingMarks
{
    private readonly ConcurrentDictionary<string, CheckpointMark> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.Ordinal);
    private long _run;

    /// <summary>The consumer's current run.</summary>
    public long Run => Interlocked.Read(ref _run);

    /// <summary>Starts a run (the consumer starts again from the committed offsets): what earlier runs left is forgotten,
    /// and their batches still on their way go nowhere.</summary>
    public void Restart()
    {
        Interlocked.Increment(ref _run);
        _pending.Clear();
        _refused.Clear();
    }

    /// <summary>What a batch of <paramref name="run"/> for the customer goes after, or null when it must not go: it is of
    /// an earlier run, or the customer refused one of this run.</summary>
    public CheckpointMark? After(string customerId, long run) =>
        run != Run || _refused.ContainsKey(customerId) ? null : _pending.GetValueOrDefault(customerId, CheckpointMark.Durable);

    /// <summary>Notes the customer's answer to a batch of <paramref name="run"/>.</summary>
    public void Answered(string customerId, long run, ApplyAnswer answer)
    {
        if (run != Run)
        {
            return;
        }
        if (answer.Refused)
        {
            _refused[customerId] = true;
        }
        else if (answer.Checkpoint.Checkpoint > 0)
        {
            _pending[customerId] = answer.Checkpoint;
        }
    }

    /// <summary>Forgets the marks that are durable now, unless a newer batch of the customer replaced them.</summary>
    public void Durable(IEnumerable<CheckpointMark> marks)
    {
        foreach (var mark in marks.Where(m => m.Checkpoint > 0))
        {
            _pending.TryRemove(KeyValuePair.Create(mark.CustomerId, mark));
        }
    }
}
