namespace Engagement.Schedule;

/// <summary>A customer to wake at a moment.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.DueEntry")]
public sealed record DueEntry(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] DateTimeOffset DueAt);
