namespace Engagement.Products;

/// <summary>A customer who started (<paramref name="Holds"/> true) or stopped holding a product.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.HolderChange")]
public sealed record HolderChange(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] bool Holds);
