namespace Engagement.Checkpoints;

/// <summary>One activation's state as the checkpointer sees it: a key, the ETag of the stored copy, and a way to take
/// a consistent snapshot while the grain goes on.</summary>
/// <remarks>The grain changes its state only while holding <see cref="Gate"/>; the checkpointer snapshots and packs
/// under it.</remarks>
public abstract class CheckpointHandle(string key, string? etag)
{
    /// <summary>The lock under which the state is changed and snapshotted.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The row the state is stored in.</summary>
    public string Key => key;

    /// <summary>The ETag of the stored copy; null before the first write.</summary>
    public string? ETag { get; internal set; } = etag;

    /// <summary>The checkpoint that will hold the latest change, or null when everything is stored.</summary>
    public long? DirtyIn { get; internal set; }

    /// <summary>Whether another writer changed the stored state: this activation must go.</summary>
    public bool Conflicted { get; internal set; }

    /// <summary>Whether the owner holds nothing that refers into the live state (effects in flight whose
    /// acknowledgements change it): only then may the state be packed. Called under <see cref="Gate"/>.</summary>
    public Func<bool> Quiet { get; set; } = static () => true;

    /// <summary>The state as it is now, serialized for a checkpoint: compressed when the state is to be packed with it,
    /// else left for the store to compress or not; called under <see cref="Gate"/>.</summary>
    protected internal abstract StateSnapshot Snapshot();

    /// <summary>Packs the state when it went unused since the last call and its owner is quiet; answers whether it is
    /// packed now. Called under <see cref="Gate"/>.</summary>
    protected internal abstract bool TryPack();

    /// <summary>Packs the state with the snapshot the checkpoint just made durable when the state is one to pack again
    /// (a use unpacked it after its load, the sweep or a checkpoint had packed it), nothing used it since that snapshot, and its
    /// owner is quiet; answers whether it packed it. Called under <see cref="Gate"/>.</summary>
    protected internal abstract bool PackDurable();

    /// <summary>Whether the state is one to pack again that is still unpacked (its checkpoint could not pack it: a use
    /// came after the snapshot, or its owner was busy). Called under <see cref="Gate"/>.</summary>
    protected internal abstract bool AwaitsPacking { get; }

    /// <summary>Packs a state that <see cref="AwaitsPacking"/> with a snapshot of its own when its owner is quiet;
    /// answers whether it packed it. Called under <see cref="Gate"/>.</summary>
    protected internal abstract bool PackSettled();
}
