using Engagement.Customers;

namespace Engagement.Triggers;

/// <summary>An instruction to the customer's advisor to act (SPEC §4); the same JSON on Kafka and in the API.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.Trigger")]
public sealed record Trigger
{
    /// <summary>Stable for (customer, type, subject, cause): a redelivery carries the same id.</summary>
    [Id(0)] public required string TriggerId { get; init; }
    /// <summary>The trigger type, such as <c>deposit.maturing</c>.</summary>
    [Id(1)] public required string Type { get; init; }
    /// <summary>The family of the type.</summary>
    [Id(2)] public required TriggerCategory Category { get; init; }
    /// <summary>How urgently to act, after the private-tier step.</summary>
    [Id(3)] public required Severity Severity { get; init; }
    /// <summary>The customer concerned.</summary>
    [Id(4)] public required string CustomerId { get; init; }
    /// <summary>The advisor, or <c>unassigned</c>.</summary>
    [Id(5)] public required string AdvisorId { get; init; }
    /// <summary>The customer's tier when it fired.</summary>
    [Id(6)] public required Tier Tier { get; init; }
    /// <summary>Whether the customer has asked not to be contacted.</summary>
    [Id(7)] public required bool DoNotContact { get; init; }
    /// <summary>Where the trigger stands.</summary>
    [Id(8)] public required TriggerStatus Status { get; init; }
    /// <summary>The event time that caused it.</summary>
    [Id(9)] public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>The wall-clock time it was created.</summary>
    [Id(10)] public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When it expires if not acted on.</summary>
    [Id(11)] public required DateTimeOffset ExpiresAt { get; init; }
    /// <summary>The moment the matter falls due, where there is one.</summary>
    [Id(12)] public DateTimeOffset? DueAt { get; init; }
    /// <summary>The figures behind it.</summary>
    [Id(13)] public required TriggerFacts Facts { get; init; }
    /// <summary>One plain sentence: the rule and the numbers that made it fire.</summary>
    [Id(14)] public required string Explanation { get; init; }
    /// <summary>The events that caused it.</summary>
    [Id(15)] public required IReadOnlyList<string> SourceEventIds { get; init; }
    /// <summary>The advisor's outcome, once recorded.</summary>
    [Id(16)] public TriggerOutcome? Outcome { get; init; }
    /// <summary>Bumped on every change, so a consumer can keep the newest copy.</summary>
    [Id(17)] public int Version { get; init; }
    /// <summary>What the trigger is about (the deposit, the holding, the year, the event…): with the type, the dedupe key.</summary>
    [Id(18)] public required string Subject { get; init; }
    /// <summary>Held back from the live push by the advisor's daily cap and listed in the day's digest; decided once,
    /// when the advisor's inbox first takes the trigger.</summary>
    [Id(19)] public bool Digest { get; init; }
    /// <summary>The version of the rule set that fired it.</summary>
    [Id(20)] public int RuleVersion { get; init; }

    /// <summary>Whether the trigger still waits for the advisor.</summary>
    public bool IsOpen => Status is TriggerStatus.Open or TriggerStatus.Acknowledged;
}
