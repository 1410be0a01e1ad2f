using Engagement.Customers;

namespace Engagement.State;

/// <summary>The tier in force and the downgrade grace period, if one runs.</summary>
[GenerateSerializer, Alias("Engagement.TierState")]
public sealed class TierState
{
    /// <summary>The tier in force.</summary>
    [Id(0)] public Tier Current { get; set; } = Tier.Standard;
    /// <summary>When the tier was reached.</summary>
    [Id(1)] public DateTimeOffset? Since { get; set; }
    /// <summary>When AUM fell below the tier's threshold; null when it is not at risk.</summary>
    [Id(2)] public DateTimeOffset? DowngradeRiskSince { get; set; }
}
