namespace Engagement.Events;

/// <summary><c>investment.purchased</c>: units of a product bought.</summary>
[GenerateSerializer, Immutable, Alias("investment.purchased")]
public sealed record InvestmentPurchased : CustomerEvent
{
    /// <summary>The product.</summary>
    [Id(0)] public required string ProductId { get; init; }
    /// <summary>What kind of product it is.</summary>
    [Id(1)] public required ProductType ProductType { get; init; }
    /// <summary>The units bought.</summary>
    [Id(2)] public required decimal Units { get; init; }
    /// <summary>The price per unit paid.</summary>
    [Id(3)] public required decimal Price { get; init; }
    /// <summary>The amount paid.</summary>
    [Id(4)] public required decimal Amount { get; init; }
}

/// <summary><c>investment.redeemed</c>: units of a product sold back.</summary>
[GenerateSerializer, Immutable, Alias("investment.redeemed")]
public sealed record InvestmentRedeemed : CustomerEvent
{
    /// <summary>The product.</summary>
    [Id(0)] public required string ProductId { get; init; }
    /// <summary>The units redeemed.</summary>
    [Id(1)] public required decimal Units { get; init; }
    /// <summary>The amount paid out.</summary>
    [Id(2)] public required decimal Amount { get; init; }
}

/// <summary><c>investment.dividend_paid</c>: a product paid the customer a dividend.</summary>
[GenerateSerializer, Immutable, Alias("investment.dividend_paid")]
public sealed record DividendPaid : CustomerEvent
{
    /// <summary>The product.</summary>
    [Id(0)] public required string ProductId { get; init; }
    /// <summary>The dividend paid.</summary>
    [Id(1)] public required decimal Amount { get; init; }
}
