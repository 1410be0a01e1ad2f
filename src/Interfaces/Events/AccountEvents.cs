namespace Engagement.Events;

/// <summary><c>account.opened</c>: a deposit, card, loan or current account is opened.</summary>
[GenerateSerializer, Immutable, Alias("account.opened")]
public sealed record AccountOpened : CustomerEvent
{
    /// <summary>The account.</summary>
    [Id(0)] public required string AccountId { get; init; }
    /// <summary>What kind of account it is.</summary>
    [Id(1)] public required AccountType AccountType { get; init; }
    /// <summary>The opening balance.</summary>
    [Id(2)] public decimal Balance { get; init; }
    /// <summary>The maturity date of a term deposit.</summary>
    [Id(3)] public DateOnly? MaturityDate { get; init; }
}

/// <summary><c>account.closed</c>: the account no longer exists.</summary>
[GenerateSerializer, Immutable, Alias("account.closed")]
public sealed record AccountClosed : CustomerEvent
{
    /// <summary>The account.</summary>
    [Id(0)] public required string AccountId { get; init; }
}

/// <summary><c>deposit.matured</c>: a term deposit reached its maturity date.</summary>
[GenerateSerializer, Immutable, Alias("deposit.matured")]
public sealed record DepositMatured : CustomerEvent
{
    /// <summary>The term deposit.</summary>
    [Id(0)] public required string AccountId { get; init; }
    /// <summary>The amount that matured.</summary>
    [Id(1)] public required decimal Amount { get; init; }
}

/// <summary><c>payment.due</c>: a loan or card payment falls due.</summary>
[GenerateSerializer, Immutable, Alias("payment.due")]
public sealed record PaymentDue : CustomerEvent
{
    /// <summary>The loan or card account.</summary>
    [Id(0)] public required string AccountId { get; init; }
    /// <summary>The day the payment is due.</summary>
    [Id(1)] public required DateOnly DueDate { get; init; }
    /// <summary>The amount due.</summary>
    [Id(2)] public required decimal Amount { get; init; }
}

/// <summary><c>payment.overdue</c>: a loan or card payment was missed.</summary>
[GenerateSerializer, Immutable, Alias("payment.overdue")]
public sealed record PaymentOverdue : CustomerEvent
{
    /// <summary>The loan or card account.</summary>
    [Id(0)] public required string AccountId { get; init; }
    /// <summary>How many days the payment is late.</summary>
    [Id(1)] public required int DaysOverdue { get; init; }
    /// <summary>The amount overdue.</summary>
    [Id(2)] public required decimal Amount { get; init; }
}
