using Engagement.Checkpoints;

namespace Engagement.Customers;

/// <summary>What a customer made of a batch of events: the ones it rejects, and the checkpoint that makes the rest
/// durable (<see cref="CheckpointMark.Durable"/> when they already are); or, <see cref="Refused"/>, nothing at all.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.ApplyAnswer")]
public sealed record ApplyAnswer(
    [property: Id(0)] IReadOnlyList<EventRejection> Rejections,
    [property: Id(1)] CheckpointMark Checkpoint,
    [property: Id(2)] bool Refused = false)
{
    /// <summary>The batch was not applied: the previous one may be lost with the activation that applied it.</summary>
    public static ApplyAnswer Refusal { get; } = new([], CheckpointMark.Durable, Refused: true);
}
