namespace Engagement.Checkpoints;

/// <summary>What a batch waits for before its offsets may be committed: the checkpoints of this process's checkpointer,
/// awaited here, and those of other silos' checkpointers, each awaited by one customer living there.</summary>
/// <param name="Local">This checkpointer's checkpoints, distinct.</param>
/// <param name="Remote">One wait per other checkpointer.</param>
public sealed record DurabilityPlan(IReadOnlyList<long> Local, IReadOnlyList<RemoteCheckpoints> Remote)
{
    /// <summary>Sorts <paramref name="marks"/> by checkpointer; marks of nothing to wait for are left out.</summary>
    /// <remarks>Any customer of a checkpointer can await all of its checkpoints: the one of the newest is asked, as
    /// its activation is the likeliest still to be there.</remarks>
    public static DurabilityPlan Of(IEnumerable<CheckpointMark> marks, string localCheckpointer)
    {
        var pending = marks.Where(m => m.Checkpoint > 0).ToList();
        var local = pending.Where(m => m.Checkpointer == localCheckpointer).Select(m => m.Checkpoint).Distinct().Order().ToList();
        var remote = pending.Where(m => m.Checkpointer != localCheckpointer)
            .GroupBy(m => m.Checkpointer, StringComparer.Ordinal)
            .Select(g => new RemoteCheckpoints(g.Key, g.MaxBy(m => m.Checkpoint)!.CustomerId,
                g.Select(m => m.Checkpoint).Distinct().Order().ToList()))
            .OrderBy(r => r.Checkpointer, StringComparer.Ordinal)
            .ToList();
        return new DurabilityPlan(local, remote);
    }
}

/// <summary>Checkpoints of another silo's checkpointer, and the customer whose activation there is asked to await them.</summary>
public sealed record RemoteCheckpoints(string Checkpointer, string CustomerId, IReadOnlyList<long> Checkpoints);
