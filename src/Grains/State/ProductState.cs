namespace Engagement.State;

/// <summary>A product's latest NAV and the customers who hold it.</summary>
[GenerateSerializer, Alias("Engagement.ProductState")]
public sealed class ProductState
{
    /// <summary>The latest NAV per unit.</summary>
    [Id(0)] public decimal? Nav { get; set; }
    /// <summary>When the latest NAV applies.</summary>
    [Id(1)] public DateTimeOffset? AsOf { get; set; }
    /// <summary>The customers who hold the product.</summary>
    [Id(2)] public HashSet<string> Holders { get; set; } = new(StringComparer.Ordinal);
}
