using Engagement.Customers;
using Engagement.State;

namespace Engagement.Rules;

/// <summary>Shapes a customer's state into the views of SPEC §5.</summary>
public static class CustomerViews
{
    // SPEC §3: the state shows the next lots to expire, at most three.
    private const int ExpiringShown = 3;

    /// <summary>The customer's state as the API shows it, with windows read at <paramref name="now"/>.</summary>
    public static CustomerView From(string customerId, CustomerState state, DateTimeOffset now, int openTriggers,
        RuleSettings settings)
    {
        var profile = state.Profile;
        var tier = state.Tier;
        var windowStart = ActivityRules.WindowStart(now, settings.LifecycleWindow);
        return new CustomerView(
            customerId, profile.Name, profile.AdvisorId, profile.BranchId, profile.DoNotContact,
            new TierView(tier.Current, tier.Since, tier.DowngradeRiskSince, TierRules.Next(tier.Current),
                TierRules.GapToNext(tier.Current, state.Aum, settings), tier.DowngradeRiskSince + settings.DowngradeGrace),
            state.Aum,
            state.Accounts.OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => new AccountView(a.Key, a.Value.Type, a.Value.Balance, a.Value.MaturityDate)).ToList(),
            state.Holdings.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => HoldingOf(h.Key, h.Value)).ToList(),
            new PointsSummary(state.Points.Balance, state.Points.LifetimeEarned,
                state.Points.Lots.Take(ExpiringShown).Select(l => new ExpiringPoints(l.Points, l.ExpiresOn)).ToList()),
            new LifecycleView(state.Stage, state.StageSince),
            new ActivityView(state.Activity.LastCustomerTransactionAt,
                ActivityRules.DebitsSince(state.Activity, windowStart),
                ActivityRules.CreditsSince(state.Activity, windowStart)),
            openTriggers, state.EventsApplied, state.LastEventAt);
    }

    /// <summary>The points balance with ledger entries given newest first.</summary>
    public static PointsView PointsOf(long balance, IEnumerable<LedgerEntry> newestFirst) =>
        new(balance, newestFirst.Select(e => new LedgerEntryView(e.EntryId, e.EventId, e.Kind, e.Points, e.BalanceAfter, e.At)).ToList());

    private static HoldingView HoldingOf(string productId, HoldingState h)
    {
        var value = AumRules.ValueOf(h);
        var returnPct = h.Cost == 0m ? 0m : Money.ToCents((value - h.Cost) / h.Cost * 100m);
        return new HoldingView(productId, h.ProductType, h.Units, h.Cost, h.Nav, value, returnPct);
    }
}
