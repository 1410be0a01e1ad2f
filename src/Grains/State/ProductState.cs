namespace Engagement.State;

/// <summary>A product's latest NAV. Its holders are kept in <see cref="ProductHoldersState"/> shards beside it.</summary>
[GenerateSerializer, Alias("Engagement.ProductState")]
public sealed class ProductState
{
    /// <summary>The latest NAV per unit.</summary>
    [Id(0)] public decimal? Nav { get; set; }
    /// <summary>When the latest NAV applies.</summary>
    [Id(1)] public DateTimeOffset? AsOf { get; set; }
}

/// <summary>One shard of a product's holders: a popular fund has tens of thousands.</summary>
[GenerateSerializer, Alias("Engagement.ProductHoldersState")]
public sealed class ProductHoldersState
{
    /// <summary>The customers of this shard who hold the product.</summary>
    [Id(0)] public HashSet<string> Holders { get; set; } = new(StringComparer.Ordinal);
}
