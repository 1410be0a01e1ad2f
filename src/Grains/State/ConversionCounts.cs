using Engagement.Customers;

namespace Engagement.State;

/// <summary>One day's closures of one trigger type and tier: the day (in <c>Engine:TimeZone</c>) the outcome was recorded,
/// the type, and the customer's tier when the trigger fired.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.ClosingDay")]
public readonly record struct ClosingDay(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] string Type,
    [property: Id(2)] Tier Tier);

/// <summary>Triggers closed, and how many of them with a sale.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.ClosedCount")]
public readonly record struct ClosedCount(
    [property: Id(0)] int Closed,
    [property: Id(1)] int Won);
