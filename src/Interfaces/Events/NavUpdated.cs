namespace Engagement.Events;

/// <summary><c>product.nav_updated</c>: a product's net asset value per unit.</summary>
[GenerateSerializer, Immutable, Alias("product.nav_updated")]
public sealed record NavUpdated(
    [property: Id(0)] string EventId,
    [property: Id(1)] string ProductId,
    [property: Id(2)] decimal Nav,
    [property: Id(3)] DateTimeOffset AsOf,
    [property: Id(4)] DateTimeOffset OccurredAt);
