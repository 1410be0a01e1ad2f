namespace Engagement.Events;

/// <summary>The other party of a transaction.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.Counterparty")]
public sealed record Counterparty(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? BankId,
    [property: Id(2)] bool External);

/// <summary><c>transaction.posted</c>: money moved on an account.</summary>
[GenerateSerializer, Immutable, Alias("transaction.posted")]
public sealed record TransactionPosted : CustomerEvent
{
    /// <summary>The account.</summary>
    [Id(0)] public required string AccountId { get; init; }
    /// <summary>In or out.</summary>
    [Id(1)] public required Direction Direction { get; init; }
    /// <summary>What the transaction was.</summary>
    [Id(2)] public required TransactionKind Kind { get; init; }
    /// <summary>The amount, always positive.</summary>
    [Id(3)] public required decimal Amount { get; init; }
    /// <summary>The currency: always the deployment's base currency once validated.</summary>
    [Id(4)] public required string Currency { get; init; }
    /// <summary>The account's balance after posting.</summary>
    [Id(5)] public decimal? BalanceAfter { get; init; }
    /// <summary>The channel it came through, when known.</summary>
    [Id(6)] public string? Channel { get; init; }
    /// <summary>The other party, when known.</summary>
    [Id(7)] public Counterparty? Counterparty { get; init; }
}

/// <summary><c>transaction.reversed</c>: an earlier transaction is undone.</summary>
[GenerateSerializer, Immutable, Alias("transaction.reversed")]
public sealed record TransactionReversed : CustomerEvent
{
    /// <summary>The eventId of the transaction undone.</summary>
    [Id(0)] public required string OriginalEventId { get; init; }
    /// <summary>The account.</summary>
    [Id(1)] public required string AccountId { get; init; }
    /// <summary>The account's balance after the reversal.</summary>
    [Id(2)] public required decimal BalanceAfter { get; init; }
}
