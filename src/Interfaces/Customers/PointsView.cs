namespace Engagement.Customers;

/// <summary>The points balance and the newest ledger entries.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.PointsView")]
public sealed record PointsView(
    [property: Id(0)] long Balance,
    [property: Id(1)] IReadOnlyList<LedgerEntryView> Entries);

/// <summary>One change of the points balance.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.LedgerEntryView")]
public sealed record LedgerEntryView(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string EventId,
    [property: Id(2)] LedgerEntryKind Kind,
    [property: Id(3)] long Points,
    [property: Id(4)] long BalanceAfter,
    [property: Id(5)] DateTimeOffset At);
