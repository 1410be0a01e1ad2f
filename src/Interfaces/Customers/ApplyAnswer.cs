using Engagement.Checkpoints;

namespace Engagement.Customers;

/// <summary>What a customer made of a batch of events: the ones it rejects, and the checkpoint that makes the rest
/// durable (<see cref="CheckpointMark.Durable"/> when they already are).</summary>
[GenerateSerializer, Immutable, Alias("Engagement.ApplyAnswer")]
public sealed record ApplyAnswer(
    [property: Id(0)] IReadOnlyList<EventRejection> Rejections,
    [property: Id(1)] CheckpointMark Checkpoint);
