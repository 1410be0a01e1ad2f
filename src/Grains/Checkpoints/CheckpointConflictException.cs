namespace Engagement.Checkpoints;

/// <summary>A checkpoint found that another writer had changed a state it was to write: the changes that checkpoint
/// held for that state are not stored, and whoever waited on it must replay from the committed input.</summary>
public sealed class CheckpointConflictException(long checkpoint)
    : Exception($"Checkpoint {checkpoint} lost an optimistic concurrency check: another writer changed a state; replay from the committed offsets.")
{
    /// <summary>The checkpoint that could not store everything it held.</summary>
    public long Checkpoint => checkpoint;
}
