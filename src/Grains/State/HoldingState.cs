using Engagement.Events;

namespace Engagement.State;

/// <summary>One investment holding.</summary>
[GenerateSerializer, Alias("Engagement.HoldingState")]
public sealed class HoldingState
{
    /// <summary>What kind of product it is.</summary>
    [Id(0)] public ProductType ProductType { get; set; }
    /// <summary>The units held.</summary>
    [Id(1)] public decimal Units { get; set; }
    /// <summary>What the units held cost, at average cost.</summary>
    [Id(2)] public decimal Cost { get; set; }
    /// <summary>The latest purchase price per unit: the value basis before any NAV.</summary>
    [Id(3)] public decimal LastPrice { get; set; }
    /// <summary>The latest NAV per unit, when one was published.</summary>
    [Id(4)] public decimal? Nav { get; set; }
    /// <summary>When the NAV applies, so an older NAV never overwrites a newer one.</summary>
    [Id(5)] public DateTimeOffset? NavAsOf { get; set; }
    /// <summary>Whether take-profit may fire: off after it fires, on again once value is back near cost.</summary>
    [Id(6)] public bool TakeProfitArmed { get; set; } = true;
    /// <summary>Whether stop-loss may fire: off after it fires, on again once value is back near cost.</summary>
    [Id(7)] public bool StopLossArmed { get; set; } = true;
    /// <summary>Whether the product has the customer among its holders (so its NAV updates reach them).</summary>
    [Id(8)] public bool HolderRegistered { get; set; }
}
