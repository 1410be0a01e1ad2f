namespace Engagement.Customers;

/// <summary>A request to spend points, idempotent by <see cref="RedemptionId"/>.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.Redemption")]
public sealed record Redemption(
    [property: Id(0)] string RedemptionId,
    [property: Id(1)] long Points,
    [property: Id(2)] string? Reason);

/// <summary>The answer to a redemption: accepted with the new balance, or refused for a short balance.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.RedemptionResult")]
public sealed record RedemptionResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] long Balance);
