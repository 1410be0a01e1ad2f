namespace Engagement.Triggers;

/// <summary>What the advisor recorded, when, and any sale amount.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.TriggerOutcome")]
public sealed record TriggerOutcome(
    [property: Id(0)] OutcomeKind Outcome,
    [property: Id(1)] string? Note,
    [property: Id(2)] decimal? Amount,
    [property: Id(3)] DateTimeOffset RecordedAt);
