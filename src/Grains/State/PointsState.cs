using Engagement.Customers;

namespace Engagement.State;

/// <summary>The loyalty points balance, its newest ledger entries and what is needed to reverse earnings.</summary>
[GenerateSerializer, Alias("Engagement.PointsState")]
public sealed class PointsState
{
    /// <summary>The balance; may be negative after a reversal.</summary>
    [Id(0)] public long Balance { get; set; }
    /// <summary>All points ever earned, net of reversals.</summary>
    [Id(1)] public long LifetimeEarned { get; set; }
    /// <summary>The sequence number of the next ledger entry.</summary>
    [Id(2)] public long NextEntry { get; set; } = 1;
    /// <summary>The newest ledger entries, oldest first.</summary>
    [Id(3)] public List<LedgerEntry> Ledger { get; set; } = [];
    /// <summary>Points earned by recent events, by eventId, oldest first, for exact reversal.</summary>
    [Id(4)] public List<Earning> Earnings { get; set; } = [];
    /// <summary>Reversals that arrived before the event they reverse: original eventId to reversal eventId.</summary>
    [Id(5)] public Dictionary<string, string> PendingReversals { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The answers given to recent redemptions, oldest first, so a repeated redemptionId gets the same answer.</summary>
    [Id(6)] public List<RedemptionAnswer> Redemptions { get; set; } = [];
    /// <summary>Entries that left the ledger in state and are still to be written to the archive, oldest first.</summary>
    [Id(7)] public List<LedgerEntry> ToArchive { get; set; } = [];
    /// <summary>The points not yet spent or expired, one lot per expiry day, soonest first; together they hold the
    /// balance when it is positive, and nothing when it is not.</summary>
    [Id(8)] public List<PointsLot> Lots { get; set; } = [];
}

/// <summary>Points earned in one month, which expire together at the end of the same day.</summary>
[GenerateSerializer, Alias("Engagement.PointsLot")]
public sealed class PointsLot
{
    /// <summary>The last day on which the points can be spent.</summary>
    [Id(0)] public DateOnly ExpiresOn { get; set; }
    /// <summary>What is left of the lot.</summary>
    [Id(1)] public long Points { get; set; }
}

/// <summary>The answer once given to a redemption.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.RedemptionAnswer")]
public sealed record RedemptionAnswer(
    [property: Id(0)] string RedemptionId,
    [property: Id(1)] bool Accepted,
    [property: Id(2)] long Balance);

/// <summary>One change of the points balance.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string EventId,
    [property: Id(2)] LedgerEntryKind Kind,
    [property: Id(3)] long Points,
    [property: Id(4)] long BalanceAfter,
    [property: Id(5)] DateTimeOffset At)
{
    /// <summary>The entry's number in the customer's ledger: entry ids are <c>L</c> and this number.</summary>
    public long Sequence => long.Parse(EntryId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What one event earned, and the expiry day of the lot it went to (none for earnings from before lots).</summary>
[GenerateSerializer, Immutable, Alias("Engagement.Earning")]
public sealed record Earning(
    [property: Id(0)] string EventId,
    [property: Id(1)] long Points,
    [property: Id(2)] DateOnly? ExpiresOn = null);
