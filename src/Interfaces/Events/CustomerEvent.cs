namespace Engagement.Events;

/// <summary>An event of SPEC §1 that belongs to one customer, validated and typed.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.CustomerEvent")]
public abstract record CustomerEvent
{
    /// <summary>The idempotency key of the event.</summary>
    [Id(0)] public required string EventId { get; init; }

    /// <summary>The customer the event belongs to.</summary>
    [Id(1)] public required string CustomerId { get; init; }

    /// <summary>When the event happened in core banking.</summary>
    [Id(2)] public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Where the event was read from Kafka; null when it did not come from Kafka.</summary>
    [Id(3)] public EventSource? Source { get; init; }
}
