namespace Engagement.Checkpoints;

/// <summary>The checkpoint that makes a change durable, named with the checkpointer (one per process) that numbered it,
/// the customer whose activation there can be asked to await it, and that activation: the numbers of two silos have
/// nothing in common, and a change held only by an activation that is gone is lost.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.CheckpointMark")]
public sealed record CheckpointMark(
    [property: Id(0)] string Checkpointer,
    [property: Id(1)] long Checkpoint,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] string Activation)
{
    /// <summary>Nothing to wait for: the change is already durable, or there was none.</summary>
    public static CheckpointMark Durable { get; } = new("", 0, "", "");
}
