namespace Engagement.Rules;

/// <summary>What a tier evaluation changed.</summary>
public enum TierChange
{
    /// <summary>Nothing changed.</summary>
    None,
    /// <summary>AUM reached a higher tier's threshold.</summary>
    Upgraded,
    /// <summary>AUM fell below the current tier's threshold: the grace period started.</summary>
    DowngradeRisk,
    /// <summary>AUM recovered within the grace period.</summary>
    RiskCleared,
    /// <summary>The grace period ended with AUM still below.</summary>
    Downgraded,
}
