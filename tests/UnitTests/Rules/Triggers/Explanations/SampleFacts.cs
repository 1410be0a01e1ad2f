using Engagement.Rules.Triggers;
using Engagement.Rules.Triggers.Explanations;
using Engagement.Triggers;

namespace Engagement.UnitTests.Rules.Triggers.Explanations;

/// <summary>Facts of each trigger type, shaped as its rule records them.</summary>
public static class SampleFacts
{
    private static readonly DateTimeOffset At = new(2026, 4, 1, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Every type (and each variant of a type with two sentences), with its facts.</summary>
    public static readonly IReadOnlyDictionary<string, (string Type, TriggerFacts Facts)> Cases = new Dictionary<string, (string, TriggerFacts)>
    {
        ["deposit.maturing"] = (TriggerTypes.DepositMaturing, TriggerFacts.Of(("accountId", "TD-1"), ("amount", 500_000.00m), ("maturityDate", new DateOnly(2026, 12, 1)), ("daysLeft", 7))),
        ["deposit.matured"] = (TriggerTypes.DepositMatured, TriggerFacts.Of(("accountId", "TD-1"), ("amount", 500_000.00m), ("maturedOn", new DateOnly(2026, 4, 1)))),
        ["payment.due"] = (TriggerTypes.PaymentDue, TriggerFacts.Of(("accountId", "L-1"), ("amount", 3_210.50m), ("dueDate", new DateOnly(2026, 4, 4)), ("daysLeft", 3))),
        ["payment.overdue"] = (TriggerTypes.PaymentOverdue, TriggerFacts.Of(("accountId", "L-1"), ("amount", 3_210.50m), ("daysOverdue", 5))),
        ["investment.take_profit"] = (TriggerTypes.TakeProfit, TriggerFacts.Of(("productId", "F-1"), ("units", 1000m), ("cost", 1_000.00m), ("value", 1_100.00m), ("nav", 1.1m), ("linePct", 110.00m))),
        ["investment.stop_loss"] = (TriggerTypes.StopLoss, TriggerFacts.Of(("productId", "F-1"), ("units", 1000m), ("cost", 1_000.00m), ("value", 850.00m), ("nav", 0.85m), ("linePct", 90.00m))),
        ["investment.dividend"] = (TriggerTypes.Dividend, TriggerFacts.Of(("productId", "F-1"), ("amount", 1_250.00m))),
        ["investment.follow_up"] = (TriggerTypes.FollowUp, TriggerFacts.Of(("productId", "F-1"), ("amount", 100_000.00m), ("purchasedAt", At), ("afterDays", 14))),
        ["customer.onboarding"] = (TriggerTypes.Onboarding, TriggerFacts.Of(("joinedAt", new DateOnly(2026, 4, 1)), ("branchId", "B1"), ("registeredOn", new DateOnly(2026, 4, 1)))),
        ["customer.birthday"] = (TriggerTypes.Birthday, TriggerFacts.Of(("birthday", new DateOnly(2026, 4, 2)), ("age", 40), ("daysLeft", 1))),
        ["customer.anniversary"] = (TriggerTypes.Anniversary, TriggerFacts.Of(("joinedAt", new DateOnly(2020, 3, 15)), ("years", 6))),
        ["tier.upgraded"] = (TriggerTypes.TierUpgraded, TriggerFacts.Of(("from", "standard"), ("to", "wealth"), ("aum", 520_000.00m), ("threshold", 500_000m))),
        ["tier.downgrade_risk"] = (TriggerTypes.TierDowngradeRisk, TriggerFacts.Of(("tier", "wealth"), ("aum", 480_000.00m), ("threshold", 500_000m), ("graceEndsAt", At.AddDays(30)))),
        ["tier.downgraded"] = (TriggerTypes.TierDowngraded, TriggerFacts.Of(("from", "wealth"), ("to", "standard"), ("aum", 480_000.00m), ("threshold", 500_000m), ("graceDays", 30))),
        ["lifecycle.decline/inactive"] = (TriggerTypes.Decline, TriggerFacts.Of(("aum", 80_000.00m), ("aum90dAgo", 80_000.00m), ("lastCustomerTransactionAt", At), ("reason", DeclineReasons.Inactive), ("windowDays", 90))),
        ["lifecycle.decline/aum"] = (TriggerTypes.Decline, TriggerFacts.Of(("aum", 75_000.00m), ("aum90dAgo", 100_000.00m), ("lastCustomerTransactionAt", At), ("reason", DeclineReasons.AumFall), ("windowDays", 90))),
        ["lifecycle.dormant"] = (TriggerTypes.Dormant, TriggerFacts.Of(("lastCustomerTransactionAt", At), ("lastActivityAt", At), ("days", 90))),
        ["review.due"] = (TriggerTypes.ReviewDue, TriggerFacts.Of(("tier", "private"), ("lastContactAt", null), ("cadenceDays", 30), ("since", At))),
        ["points.expiring"] = (TriggerTypes.PointsExpiring, TriggerFacts.Of(("points", 1_200L), ("expiresOn", new DateOnly(2028, 4, 30)), ("balance", 15_300L), ("daysLeft", 30))),
        ["movement.large_outflow/tier"] = (TriggerTypes.LargeOutflow, TriggerFacts.Of(("accountId", "S-1"), ("amount", 60_000.00m), ("threshold", 50_000m), ("tier", "standard"))),
        ["movement.large_outflow/mean"] = (TriggerTypes.LargeOutflow, TriggerFacts.Of(("accountId", "S-1"), ("amount", 20_000.00m), ("meanDebit90d", 1_500.25m), ("debits90d", 12), ("multiple", 10m))),
        ["movement.external_transfer"] = (TriggerTypes.ExternalTransfer, TriggerFacts.Of(("accountId", "S-1"), ("amount", 60_000.00m), ("bankId", "OTHERBANK"), ("threshold", 50_000m))),
        ["movement.balance_drop"] = (TriggerTypes.BalanceDrop, TriggerFacts.Of(("aum", 280_000.00m), ("high30d", 400_000.00m), ("drop", 120_000.00m), ("windowDays", 30))),
        ["movement.large_inflow"] = (TriggerTypes.LargeInflow, TriggerFacts.Of(("accountId", "S-1"), ("amount", 150_000.00m), ("threshold", 100_000m), ("tier", "standard"))),
        ["movement.activity_spike"] = (TriggerTypes.ActivitySpike, TriggerFacts.Of(("debits", 10), ("windowMinutes", 60), ("accountId", "S-1"), ("amount", 99.90m))),
    };

    /// <summary>Facts a trigger of <paramref name="type"/> could carry.</summary>
    public static TriggerFacts For(string type) => Cases.Values.First(c => c.Type == type).Facts;
}
