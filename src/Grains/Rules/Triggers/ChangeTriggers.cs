using Engagement.Customers;
using Engagement.Rules.Triggers.Explanations;
using Engagement.State;
using Engagement.Triggers;

namespace Engagement.Rules.Triggers;

/// <summary>Triggers that follow a change of state: tier moves, the decline stage, take-profit and stop-loss.</summary>
public static class ChangeTriggers
{
    /// <summary>The candidate for a tier change, if it is one that triggers; <paramref name="at"/> is the time of what caused it.</summary>
    public static TriggerCandidate? ForTier(CustomerState state, TierChange change, Tier before, DateTimeOffset at,
        IReadOnlyList<string> sourceEventIds, RuleSettings rules, TriggerSettings settings)
    {
        var tier = state.Tier;
        return change switch
        {
            TierChange.Upgraded => new(TriggerTypes.TierUpgraded, Name(tier.Current), at, null,
                TriggerFacts.Of(("from", Name(before)), ("to", Name(tier.Current)), ("aum", state.Aum), ("threshold", rules.ThresholdOf(tier.Current))),
                sourceEventIds),
            TierChange.DowngradeRisk => new(TriggerTypes.TierDowngradeRisk, Name(tier.Current), at,
                tier.DowngradeRiskSince + rules.DowngradeGrace,
                TriggerFacts.Of(("tier", Name(tier.Current)), ("aum", state.Aum), ("threshold", rules.ThresholdOf(tier.Current)), ("graceEndsAt", tier.DowngradeRiskSince + rules.DowngradeGrace)),
                sourceEventIds),
            TierChange.Downgraded => new(TriggerTypes.TierDowngraded, $"{Name(before)}->{Name(tier.Current)}", at, null,
                TriggerFacts.Of(("from", Name(before)), ("to", Name(tier.Current)), ("aum", state.Aum), ("threshold", rules.ThresholdOf(before)),
                    ("graceDays", (int)rules.DowngradeGrace.TotalDays)),
                sourceEventIds),
            _ => null,
        };
    }

    /// <summary>The candidate when the stage has just become <c>decline</c> at <paramref name="at"/>, by what happened at
    /// <paramref name="causedAt"/>.</summary>
    public static TriggerCandidate ForDecline(CustomerState state, DateTimeOffset at, DateTimeOffset causedAt, IReadOnlyList<string> sourceEventIds,
        RuleSettings rules)
    {
        var lastOwn = state.Activity.LastCustomerTransactionAt ?? state.Activity.FirstEventAt;
        var baseline = ActivityRules.AumAt(state.Activity, ActivityRules.WindowStart(at, rules.LifecycleWindow));
        var inactive = lastOwn is { } last && at - last >= rules.LifecycleWindow;
        var reason = inactive || baseline is not > 0m ? DeclineReasons.Inactive : DeclineReasons.AumFall;
        return new(TriggerTypes.Decline, "decline", causedAt, null,
            TriggerFacts.Of(("aum", state.Aum), ("aum90dAgo", baseline), ("lastCustomerTransactionAt", lastOwn ?? at), ("reason", reason),
                ("windowDays", (int)rules.LifecycleWindow.TotalDays)), sourceEventIds);
    }

    /// <summary>Take-profit and stop-loss at <paramref name="at"/> for every armed holding that crossed its line, by what
    /// happened at <paramref name="causedAt"/>; re-arms holdings back near cost.</summary>
    public static IEnumerable<TriggerCandidate> ForHoldings(CustomerState state, DateTimeOffset at, DateTimeOffset causedAt,
        IReadOnlyList<string> sourceEventIds, TriggerSettings settings)
    {
        foreach (var (productId, holding) in state.Holdings.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (holding.Cost <= 0m)
            {
                continue;
            }
            var value = AumRules.ValueOf(holding);
            var ratio = value / holding.Cost;
            if (ratio >= 1m - settings.RearmBand && ratio <= 1m + settings.RearmBand)
            {
                holding.TakeProfitArmed = true;
                holding.StopLossArmed = true;
                continue;
            }
            TriggerFacts Facts(decimal ratioLine) => TriggerFacts.Of(("productId", productId), ("units", holding.Units), ("cost", holding.Cost),
                ("value", value), ("nav", holding.Nav), ("linePct", ratioLine * 100m));
            // A line disarms only when its trigger fires: a crossing held back by dedupe or cooldown stays armed and
            // fires once it may, if the value is still over the line.
            if (holding.TakeProfitArmed && ratio >= settings.TakeProfitRatio)
            {
                var takeProfit = new TriggerCandidate(TriggerTypes.TakeProfit, productId, causedAt, null, Facts(settings.TakeProfitRatio), sourceEventIds);
                if (TriggerFiring.CanFire(state, takeProfit, at, settings))
                {
                    holding.TakeProfitArmed = false;
                    yield return takeProfit;
                }
            }
            else if (holding.StopLossArmed && ratio <= settings.StopLossRatio)
            {
                var stopLoss = new TriggerCandidate(TriggerTypes.StopLoss, productId, causedAt, null, Facts(settings.StopLossRatio), sourceEventIds);
                if (TriggerFiring.CanFire(state, stopLoss, at, settings))
                {
                    holding.StopLossArmed = false;
                    yield return stopLoss;
                }
            }
        }
    }

    private static string Name(Tier tier) => tier.ToString().ToLowerInvariant();
}
