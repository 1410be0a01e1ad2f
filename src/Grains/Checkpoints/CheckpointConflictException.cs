namespace Engagement.Checkpoints;

/// <summary>A checkpoint found that another writer had changed a state it was to write, or a checkpoint of another
/// silo is not known durable: the changes it held are not known stored, and whoever waited on it must replay from the
/// committed input.</summary>
public sealed class CheckpointConflictException : Exception
{
    /// <summary>Checkpoint <paramref name="checkpoint"/> lost a state to another writer.</summary>
    public CheckpointConflictException(long checkpoint)
        : this(checkpoint, $"Checkpoint {checkpoint} lost an optimistic concurrency check: another writer changed a state; replay from the committed offsets.")
    {
    }

    private CheckpointConflictException(long checkpoint, string message) : base(message) => Checkpoint = checkpoint;

    /// <summary>Checkpoint <paramref name="checkpoint"/> of another silo is not known durable: the silo, or the
    /// activation that answered it, is gone.</summary>
    public static CheckpointConflictException Unknown(long checkpoint) => new(checkpoint,
        $"Checkpoint {checkpoint} of another silo is not known durable: the activation that answered it is gone; replay from the committed offsets.");

    /// <summary>The checkpoint that could not store everything it held.</summary>
    public long Checkpoint { get; }
}
