using Engagement.Events;

namespace Engagement.UnitTests.Rules;

/// <summary>Builders of typed events for the rule tests.</summary>
internal static class Events
{
    public const string Customer = "C1";

    public static CustomerRegistered Registered(string id, DateTimeOffset at, string? advisorId = "A7",
        DateOnly? birthDate = null, DateOnly? joinedAt = null, bool doNotContact = false) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, Name = "Li Wei", AdvisorId = advisorId, BirthDate = birthDate,
        JoinedAt = joinedAt ?? DateOnly.FromDateTime(at.UtcDateTime), DoNotContact = doNotContact,
    };

    public static AdvisorAssigned Assigned(string id, DateTimeOffset at, string advisorId) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, AdvisorId = advisorId,
    };

    public static ConsentChanged Consent(string id, DateTimeOffset at, bool doNotContact) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, DoNotContact = doNotContact,
    };

    public static AccountOpened Opened(string id, DateTimeOffset at, string accountId, AccountType type, decimal balance,
        DateOnly? maturityDate = null) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, AccountId = accountId, AccountType = type, Balance = balance,
        MaturityDate = type == AccountType.TermDeposit ? maturityDate ?? DateOnly.FromDateTime(at.UtcDateTime.AddDays(90)) : null,
    };

    public static AccountClosed Closed(string id, DateTimeOffset at, string accountId) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, AccountId = accountId,
    };

    public static DepositMatured Matured(string id, DateTimeOffset at, string accountId, decimal amount) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, AccountId = accountId, Amount = amount,
    };

    public static PaymentDue Due(string id, DateTimeOffset at, string accountId, DateOnly dueDate, decimal amount) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, AccountId = accountId, DueDate = dueDate, Amount = amount,
    };

    public static PaymentOverdue Overdue(string id, DateTimeOffset at, string accountId, int daysOverdue, decimal amount) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, AccountId = accountId, DaysOverdue = daysOverdue, Amount = amount,
    };

    public static TransactionPosted Posted(string id, DateTimeOffset at, string accountId, Direction direction,
        TransactionKind kind, decimal amount, decimal? balanceAfter, int? offset = null, Counterparty? counterparty = null) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, AccountId = accountId, Direction = direction, Kind = kind,
        Amount = amount, Currency = "CNY", BalanceAfter = balanceAfter, Counterparty = counterparty,
        Source = offset is { } o ? new EventSource("test", "cb.transactions", 0, o) : null,
    };

    public static TransactionPosted Debit(string id, DateTimeOffset at, string accountId, decimal amount, decimal? balanceAfter,
        TransactionKind kind = TransactionKind.Withdrawal, Counterparty? counterparty = null) =>
        Posted(id, at, accountId, Direction.Debit, kind, amount, balanceAfter, counterparty: counterparty);

    public static TransactionPosted Credit(string id, DateTimeOffset at, string accountId, decimal amount, decimal? balanceAfter,
        TransactionKind kind = TransactionKind.Deposit) =>
        Posted(id, at, accountId, Direction.Credit, kind, amount, balanceAfter);

    public static TransactionReversed Reversed(string id, DateTimeOffset at, string originalId, string accountId, decimal balanceAfter) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, OriginalEventId = originalId, AccountId = accountId,
        BalanceAfter = balanceAfter,
    };

    public static InvestmentPurchased Purchased(string id, DateTimeOffset at, string productId, decimal units, decimal price) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, ProductId = productId, ProductType = ProductType.Fund,
        Units = units, Price = price, Amount = units * price,
    };

    public static InvestmentRedeemed Redeemed(string id, DateTimeOffset at, string productId, decimal units, decimal amount) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, ProductId = productId, Units = units, Amount = amount,
    };

    public static DividendPaid Dividend(string id, DateTimeOffset at, string productId, decimal amount) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, ProductId = productId, Amount = amount,
    };
}
