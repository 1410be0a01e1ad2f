using Engagement.Customers;
using Engagement.State;

namespace Engagement.Rules;

/// <summary>The life-cycle stage from the 90-day AUM change and customer-initiated activity.</summary>
public static class LifecycleRules
{
    /// <summary>The stage at <paramref name="now"/> for the current AUM.</summary>
    public static LifecycleStage StageAt(ActivityState activity, decimal aum, DateTimeOffset now, RuleSettings settings)
    {
        if (activity.FirstEventAt is not { } first || now - first < settings.LifecycleWindow)
        {
            return LifecycleStage.Growth;
        }
        var lastOwnMove = activity.LastCustomerTransactionAt ?? first;
        if (now - lastOwnMove >= settings.LifecycleWindow)
        {
            return LifecycleStage.Decline;
        }
        var baseline = ActivityRules.AumAt(activity, ActivityRules.WindowStart(now, settings.LifecycleWindow)) ?? 0m;
        return StageForChange(baseline, aum, settings);
    }

    /// <summary>The stage for a change of AUM from <paramref name="baseline"/> to <paramref name="aum"/>.</summary>
    public static LifecycleStage StageForChange(decimal baseline, decimal aum, RuleSettings settings)
    {
        if (baseline == 0m)
        {
            return aum > 0m ? LifecycleStage.Growth : LifecycleStage.Stable;
        }
        var changePct = (aum - baseline) / Math.Abs(baseline) * 100m;
        return changePct >= settings.GrowthFromPct ? LifecycleStage.Growth
            : changePct >= settings.MatureFromPct ? LifecycleStage.Mature
            : changePct > settings.DeclineAtPct ? LifecycleStage.Stable
            : LifecycleStage.Decline;
    }
}
