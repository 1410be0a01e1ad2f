using Engagement.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.Rules;

/// <summary>Checks the <c>Rules</c> section: tier thresholds above zero and in order, rates and multipliers that
/// cannot take points away, life-cycle bands in order, and something kept of each history.</summary>
public sealed class RuleSettingsValidator : IValidateOptions<RuleSettings>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RuleSettings s) => new SettingChecks(RuleSettings.Section)
        .Positive(nameof(s.WealthThreshold), s.WealthThreshold)
        .That(s.PrivateThreshold > s.WealthThreshold, nameof(s.PrivateThreshold),
            $"must be more than Rules:WealthThreshold ({s.WealthThreshold}; got {s.PrivateThreshold})")
        .NotNegative(nameof(s.DowngradeGrace), s.DowngradeGrace)
        .NotNegative(nameof(s.CardPurchaseRate), s.CardPurchaseRate)
        .NotNegative(nameof(s.InvestmentRate), s.InvestmentRate)
        .Positive(nameof(s.StandardMultiplier), s.StandardMultiplier)
        .Positive(nameof(s.WealthMultiplier), s.WealthMultiplier)
        .Positive(nameof(s.PrivateMultiplier), s.PrivateMultiplier)
        .AtLeast(nameof(s.PointsLifetimeMonths), s.PointsLifetimeMonths, 1)
        .Positive(nameof(s.LifecycleWindow), s.LifecycleWindow)
        .That(s.GrowthFromPct > s.MatureFromPct, nameof(s.GrowthFromPct),
            $"must be more than Rules:MatureFromPct ({s.MatureFromPct}; got {s.GrowthFromPct})")
        .That(s.DeclineAtPct < s.MatureFromPct, nameof(s.DeclineAtPct),
            $"must be less than Rules:MatureFromPct ({s.MatureFromPct}; got {s.DeclineAtPct})")
        .AtLeast(nameof(s.RecentEventIdsKept), s.RecentEventIdsKept, 1)
        .AtLeast(nameof(s.LedgerEntriesKept), s.LedgerEntriesKept, 1)
        .AtLeast(nameof(s.RedemptionsKept), s.RedemptionsKept, 1)
        .AtLeast(nameof(s.EarningsKept), s.EarningsKept, 1)
        .Result();
}
