namespace Engagement.Customers;

/// <summary>Why the points balance changed.</summary>
public enum LedgerEntryKind
{
    /// <summary>Points earned by a transaction or purchase.</summary>
    Earn,
    /// <summary>Points taken back when the earning transaction was reversed.</summary>
    Reverse,
    /// <summary>Points spent through the API.</summary>
    Redeem,
    /// <summary>What was left of a lot when it expired.</summary>
    Expire,
}
