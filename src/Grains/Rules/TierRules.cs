using Engagement.Customers;
using Engagement.State;

namespace Engagement.Rules;

/// <summary>Tier qualification, upgrade at once, downgrade after a grace period.</summary>
public static class TierRules
{
    /// <summary>The tier an AUM qualifies for.</summary>
    public static Tier Qualify(decimal aum, RuleSettings settings) =>
        aum >= settings.PrivateThreshold ? Tier.Private
        : aum >= settings.WealthThreshold ? Tier.Wealth
        : Tier.Standard;

    /// <summary>The tier above <paramref name="tier"/>, or null at the top.</summary>
    public static Tier? Next(Tier tier) => tier == Tier.Private ? null : tier + 1;

    /// <summary>Moves the tier for the AUM at <paramref name="now"/> and says what changed.</summary>
    public static TierChange Evaluate(TierState tier, decimal aum, DateTimeOffset now, RuleSettings settings)
    {
        var qualified = Qualify(aum, settings);
        if (qualified > tier.Current)
        {
            tier.Current = qualified;
            tier.Since = now;
            tier.DowngradeRiskSince = null;
            return TierChange.Upgraded;
        }
        if (qualified == tier.Current)
        {
            if (tier.DowngradeRiskSince is null)
            {
                return TierChange.None;
            }
            tier.DowngradeRiskSince = null;
            return TierChange.RiskCleared;
        }
        if (tier.DowngradeRiskSince is not { } riskSince)
        {
            tier.DowngradeRiskSince = now;
            return TierChange.DowngradeRisk;
        }
        var graceEnds = riskSince + settings.DowngradeGrace;
        if (now < graceEnds)
        {
            return TierChange.None;
        }
        tier.Current = qualified;
        tier.Since = graceEnds;
        tier.DowngradeRiskSince = null;
        return TierChange.Downgraded;
    }

    /// <summary>How much more AUM reaches the next tier, or null at the top.</summary>
    public static decimal? GapToNext(Tier current, decimal aum, RuleSettings settings) =>
        Next(current) is { } next ? Math.Max(0m, settings.ThresholdOf(next) - aum) : null;
}
