namespace Engagement.Rules;

/// <summary>What applying one event did.</summary>
public enum ApplyStatus
{
    /// <summary>The event changed the customer's state.</summary>
    Applied,
    /// <summary>The event was applied before: nothing changed.</summary>
    Duplicate,
    /// <summary>The event is invalid for this customer's state: it goes to the dead-letter topic.</summary>
    Rejected,
}

/// <summary>What applying one event did and, when rejected, the reason code.</summary>
public readonly record struct ApplyResult(ApplyStatus Status, string? Reason = null)
{
    /// <summary>The event changed the state.</summary>
    public static ApplyResult Applied => new(ApplyStatus.Applied);

    /// <summary>The event was seen before.</summary>
    public static ApplyResult Duplicate => new(ApplyStatus.Duplicate);

    /// <summary>The event is invalid, for <paramref name="reason"/>.</summary>
    public static ApplyResult Rejected(string reason) => new(ApplyStatus.Rejected, reason);
}
