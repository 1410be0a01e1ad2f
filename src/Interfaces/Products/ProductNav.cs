namespace Engagement.Products;

/// <summary>A product's net asset value per unit as of a moment.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.ProductNav")]
public sealed record ProductNav(
    [property: Id(0)] string ProductId,
    [property: Id(1)] decimal Nav,
    [property: Id(2)] DateTimeOffset AsOf);
