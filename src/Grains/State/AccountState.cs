using Engagement.Events;

namespace Engagement.State;

/// <summary>One account and its latest balance.</summary>
[GenerateSerializer, Alias("Engagement.AccountState")]
public sealed class AccountState
{
    /// <summary>The kind of account; null while only transactions have been seen, before <c>account.opened</c>.</summary>
    [Id(0)] public AccountType? Type { get; set; }
    /// <summary>The latest balance.</summary>
    [Id(1)] public decimal Balance { get; set; }
    /// <summary>The event time of the balance, so an older event never overwrites a newer balance.</summary>
    [Id(2)] public DateTimeOffset? BalanceAt { get; set; }
    /// <summary>The maturity date of a term deposit.</summary>
    [Id(3)] public DateOnly? MaturityDate { get; set; }
    /// <summary>The eventId of the <c>account.opened</c> that set the maturity date: the cause of its reminder.</summary>
    [Id(4)] public string? OpenedBy { get; set; }
}
