using Engagement.Customers;
using Engagement.Events;
using Engagement.Rules.Triggers;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary>Clock-driven life-cycle triggers: <c>lifecycle.dormant</c>, <c>review.due</c>, <c>tier.downgraded</c>, and expiry.</summary>
public sealed class LifecycleTimerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TriggerHarness _kit = new();

    private static DateOnly Day(int n) => DateOnly.FromDateTime(T0.AddDays(n).UtcDateTime);

    // Own withdrawal on day 0; the bank's interest (day 30) and fee (day 60) do not count; an own deposit on day 100
    // starts the 90 days again. The stage turns decline at the same moments, for the same reason.
    [Fact]
    public void Dormancy_fires_once_per_90_days_without_a_customer_initiated_transaction()
    {
        var timeline = _kit.Daily(T0, T0.AddDays(200),
            Opened("e1", T0, "S-1", AccountType.Savings, 10_000m),
            Debit("e2", T0, "S-1", 1_000m, 9_000m),
            Credit("e3", T0.AddDays(30), "S-1", 10m, 9_010m, TransactionKind.Interest),
            Debit("e4", T0.AddDays(60), "S-1", 5m, 9_005m, TransactionKind.Fee),
            Credit("e5", T0.AddDays(100), "S-1", 1_000m, 10_005m));

        Assert.Equal(
            [(Day(90), TriggerTypes.Decline), (Day(90), TriggerTypes.Dormant), (Day(190), TriggerTypes.Decline), (Day(190), TriggerTypes.Dormant)],
            timeline);
        var dormant = _kit.Triggers.First(t => t.Type == TriggerTypes.Dormant);
        Assert.Equal("2026-04-01", dormant.Subject);
        Assert.Equal(T0.AddDays(90), dormant.OccurredAt);
        Assert.Equal("""{"lastCustomerTransactionAt":"2026-04-01T09:00:00+00:00","lastActivityAt":"2026-04-01T09:00:00+00:00","days":90}""", dormant.Facts.Json);
        Assert.Equal("No customer-initiated transaction for 90 days (last activity 2026-04-01): reach out to reactivate the customer.",
            dormant.Explanation);
    }

    [Fact]
    public void A_wealth_customer_is_due_for_review_90_days_after_the_last_contact_and_every_90_days_after()
    {
        var upgraded = Assert.Single(_kit.Apply(Opened("e1", T0, "S-1", AccountType.Savings, 600_000m)));
        Assert.Empty(_kit.Daily(T0, T0.AddDays(9)));
        Assert.NotNull(_kit.Outcome(upgraded, OutcomeKind.Reached, T0.AddDays(10)));

        var timeline = _kit.Daily(T0.AddDays(10), T0.AddDays(200));
        Assert.Equal(
            [(Day(90), TriggerTypes.Decline), (Day(90), TriggerTypes.Dormant), (Day(100), TriggerTypes.ReviewDue), (Day(190), TriggerTypes.ReviewDue)],
            timeline);
        var review = _kit.Triggers.First(t => t.Type == TriggerTypes.ReviewDue);
        Assert.Equal(T0.AddDays(100), review.DueAt);
        Assert.Equal("""{"tier":"wealth","lastContactAt":"2026-04-11T09:00:00+00:00","cadenceDays":90,"since":"2026-04-11T09:00:00+00:00"}""", review.Facts.Json);
        Assert.Equal("No recorded contact with this wealth customer for 90 days (since 2026-04-11): schedule the periodic review.", review.Explanation);
    }

    [Fact]
    public void A_private_customer_is_due_for_review_every_30_days_from_reaching_the_tier()
    {
        _kit.Apply(Opened("e1", T0, "S-1", AccountType.Savings, 7_000_000m));
        var timeline = _kit.Daily(T0, T0.AddDays(70));

        Assert.Equal([(Day(30), TriggerTypes.ReviewDue), (Day(60), TriggerTypes.ReviewDue)], timeline);
        Assert.All(_kit.Triggers.Where(t => t.Type == TriggerTypes.ReviewDue), t => Assert.Equal(Severity.High, t.Severity));
    }

    // Contacted on day 10 as a wealth customer, private from day 20: the 30 days count from day 20, the later.
    [Fact]
    public void The_review_counts_from_the_day_the_tier_was_reached_when_that_is_later_than_the_contact()
    {
        var upgraded = Assert.Single(_kit.Apply(Opened("e1", T0, "S-1", AccountType.Savings, 600_000m)));
        _kit.Outcome(upgraded, OutcomeKind.Won, T0.AddDays(10));
        var timeline = _kit.Daily(T0.AddDays(10), T0.AddDays(60), Credit("e2", T0.AddDays(20), "S-1", 5_400_000m, 6_000_000m));

        Assert.Equal(
            [(Day(20), TriggerTypes.LargeInflow), (Day(20), TriggerTypes.TierUpgraded), (Day(50), TriggerTypes.ReviewDue)],
            timeline);
    }

    [Fact]
    public void An_outcome_that_is_no_contact_does_not_reset_the_review()
    {
        var upgraded = Assert.Single(_kit.Apply(Opened("e1", T0, "S-1", AccountType.Savings, 7_000_000m)));
        _kit.Outcome(upgraded, OutcomeKind.Unreached, T0.AddDays(10));
        Assert.Equal([(Day(30), TriggerTypes.ReviewDue)], _kit.Daily(T0.AddDays(10), T0.AddDays(35)));
    }

    // Below the wealth threshold from day 1 09:00: the tier is kept for 30 days and drops on day 31.
    [Fact]
    public void The_tier_drops_once_the_30_day_grace_period_is_over()
    {
        var timeline = _kit.Daily(T0, T0.AddDays(60),
            Opened("e1", T0, "S-1", AccountType.Savings, 600_000m),
            Debit("e2", T0.AddDays(1), "S-1", 150_000m, 450_000m));

        Assert.Equal(
            [(Day(0), TriggerTypes.TierUpgraded), (Day(1), TriggerTypes.TierDowngradeRisk), (Day(31), TriggerTypes.TierDowngraded)],
            timeline);
        var downgraded = _kit.Single(TriggerTypes.TierDowngraded);
        Assert.Equal(Tier.Standard, downgraded.Tier);
        Assert.Equal(Severity.Normal, downgraded.Severity);
        Assert.Equal("wealth->standard", downgraded.Subject);
        Assert.Equal("AUM stayed below the wealth threshold of 500,000.00 through the 30-day grace period (now 450,000.00): "
            + "the customer is now standard; explain the change and what would restore the tier.", downgraded.Explanation);
        Assert.Equal("AUM of 450,000.00 fell below the wealth threshold of 500,000.00: the tier is kept until 2026-05-02, "
            + "so contact the customer to retain the assets.", _kit.Single(TriggerTypes.TierDowngradeRisk).Explanation);
    }

    [Fact]
    public void A_recovery_within_the_grace_period_keeps_the_tier()
    {
        var timeline = _kit.Daily(T0, T0.AddDays(60),
            Opened("e1", T0, "S-1", AccountType.Savings, 600_000m),
            Debit("e2", T0.AddDays(1), "S-1", 150_000m, 450_000m),
            Credit("e3", T0.AddDays(30), "S-1", 50_000m, 500_000m));

        Assert.Equal([(Day(0), TriggerTypes.TierUpgraded), (Day(1), TriggerTypes.TierDowngradeRisk)], timeline);
        Assert.Equal(Tier.Wealth, _kit.State.Tier.Current);
    }

    [Fact]
    public void An_open_trigger_expires_after_its_14_day_lifetime_and_the_change_is_delivered()
    {
        var onboarding = Assert.Single(_kit.Apply(Registered("e1", T0)));
        _kit.State.Triggers.Outbox.Clear();

        _kit.Advance(T0.AddDays(14).AddTicks(-1));
        Assert.Equal(TriggerStatus.Open, _kit.Single(TriggerTypes.Onboarding).Status);
        _kit.Advance(T0.AddDays(14));

        var expired = _kit.Single(TriggerTypes.Onboarding);
        Assert.Equal(T0.AddDays(14), onboarding.ExpiresAt);
        Assert.Equal(onboarding with { Status = TriggerStatus.Expired, Version = 2 }, expired);
        Assert.Equal([expired], _kit.State.Triggers.Outbox);
    }

    [Fact]
    public void Closed_and_suppressed_triggers_do_not_expire()
    {
        _kit.Apply(Registered("e1", T0, doNotContact: true), Overdue("e2", T0, "L-1", 3, 800m));
        _kit.Outcome(_kit.Single(TriggerTypes.PaymentOverdue), OutcomeKind.Reached, T0.AddDays(1));
        _kit.Advance(T0.AddDays(20));
        Assert.Equal([TriggerStatus.Suppressed, TriggerStatus.Closed], _kit.Triggers.Select(t => t.Status));
    }
}
