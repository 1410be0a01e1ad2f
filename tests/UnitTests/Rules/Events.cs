using Engagement.Events;

namespace Engagement.UnitTests.Rules;

/// <summary>Builders of typed events for the rule tests.</summary>
internal static class Events
{
    public const string Customer = "C1";

    public static CustomerRegistered Registered(string id, DateTimeOffset at, string advisorId = "A7") => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, Name = "Li Wei", AdvisorId = advisorId,
        JoinedAt = DateOnly.FromDateTime(at.UtcDateTime),
    };

    public static AccountOpened Opened(string id, DateTimeOffset at, string accountId, AccountType type, decimal balance) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, AccountId = accountId, AccountType = type, Balance = balance,
        MaturityDate = type == AccountType.TermDeposit ? DateOnly.FromDateTime(at.UtcDateTime.AddDays(90)) : null,
    };

    public static TransactionPosted Posted(string id, DateTimeOffset at, string accountId, Direction direction,
        TransactionKind kind, decimal amount, decimal? balanceAfter, int? offset = null) => new()
    {
        EventId = id, CustomerId = Customer, OccurredAt = at, AccountId = accountId, Direction = direction, Kind = kind,
        Amount = amount, Currency = "CNY", BalanceAfter = balanceAfter,
        Source = offset is { } o ? new EventSource("test", "cb.transactions", 0, o) : null,
    };

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
}
