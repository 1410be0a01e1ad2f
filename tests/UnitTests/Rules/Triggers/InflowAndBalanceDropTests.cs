using Engagement.Customers;
using Engagement.Events;
using Engagement.Rules.Triggers;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary><c>movement.large_inflow</c> per tier and <c>movement.balance_drop</c> against the 30-day high.</summary>
public sealed class InflowAndBalanceDropTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TriggerHarness _kit = new();

    // The opening balance sets the tier (100,000 standard, 1,000,000 wealth, 8,000,000 private); the credit keeps it.
    public static TheoryData<decimal, decimal, bool> TierInflows => new()
    {
        { 100_000m, 99_999.99m, false }, { 100_000m, 100_000m, true }, { 100_000m, 100_000.01m, true },
        { 1_000_000m, 499_999.99m, false }, { 1_000_000m, 500_000m, true }, { 1_000_000m, 500_000.01m, true },
        { 8_000_000m, 1_999_999.99m, false }, { 8_000_000m, 2_000_000m, true }, { 8_000_000m, 2_000_000.01m, true },
    };

    [Theory]
    [MemberData(nameof(TierInflows))]
    public void Large_inflow_fires_from_the_threshold_of_the_tier(decimal balance, decimal amount, bool fires)
    {
        _kit.Apply(Opened("e1", T0, "CA-1", AccountType.Current, balance));
        var fired = _kit.Apply(Credit("e2", T0.AddHours(1), "CA-1", amount, balance + amount));
        Assert.Equal(TriggerHarness.FiredIf(fires, TriggerTypes.LargeInflow), TriggerHarness.Types(fired));
    }

    [Fact]
    public void Large_inflow_uses_the_tier_in_force_before_the_credit()
    {
        _kit.Apply(Registered("e0", T0), Opened("e1", T0, "CA-1", AccountType.Current, 450_000m));
        var fired = _kit.Apply(Credit("e2", T0.AddHours(1), "CA-1", 100_000m, 550_000m, TransactionKind.Salary));

        Assert.Equal([TriggerTypes.LargeInflow, TriggerTypes.TierUpgraded], TriggerHarness.Types(fired));
        Assert.Equal(Tier.Wealth, _kit.State.Tier.Current);
        var inflow = _kit.Single(TriggerTypes.LargeInflow);
        Assert.Equal(Severity.Normal, inflow.Severity);
        Assert.Equal(Tier.Wealth, inflow.Tier);
        Assert.Equal("""{"accountId":"CA-1","amount":100000,"threshold":100000,"tier":"standard"}""", inflow.Facts.Json);
        Assert.Equal("A credit of 100,000.00 to CA-1 is at or above the standard large-inflow threshold of 100,000.00: "
            + "offer suitable products for the new funds.", inflow.Explanation);
    }

    [Fact]
    public void A_credit_that_makes_the_customer_private_is_judged_by_the_wealth_threshold_and_raised_in_severity()
    {
        _kit.Apply(Opened("e1", T0, "CA-1", AccountType.Current, 5_000_000m));
        var fired = _kit.Apply(Credit("e2", T0.AddHours(1), "CA-1", 1_000_000m, 6_000_000m));

        Assert.Equal([TriggerTypes.LargeInflow, TriggerTypes.TierUpgraded], TriggerHarness.Types(fired));
        Assert.Equal(Severity.High, _kit.Single(TriggerTypes.LargeInflow).Severity);
        Assert.Equal(Severity.Urgent, fired.Single(t => t.Type == TriggerTypes.TierUpgraded).Severity);
        Assert.Equal("""{"accountId":"CA-1","amount":1000000,"threshold":500000,"tier":"wealth"}""",
            _kit.Single(TriggerTypes.LargeInflow).Facts.Json);
    }

    // Withdrawals below every other threshold walk the balance down to the target; only the last may fire.
    // 400,000: the 70 % line (280,000) binds; 300,000: the 100,000 minimum (200,000) binds, 210,000 is not enough.
    [Theory]
    [InlineData("400000", "280000.01", false)]
    [InlineData("400000", "280000.00", true)]
    [InlineData("400000", "279999.99", true)]
    [InlineData("300000", "200000.01", false)]
    [InlineData("300000", "200000.00", true)]
    [InlineData("300000", "199999.99", true)]
    public void Balance_drop_needs_70_percent_of_the_high_and_100000_lower(string high, string target, bool fires)
    {
        _kit.Apply(Opened("e1", T0, "CA-1", AccountType.Current, decimal.Parse(high)));
        var fired = DebitTo(decimal.Parse(high), decimal.Parse(target), T0.AddHours(1));
        Assert.Equal(TriggerHarness.FiredIf(fires, TriggerTypes.BalanceDrop), TriggerHarness.Types(fired));
    }

    [Fact]
    public void Balance_drop_states_the_high_and_the_share()
    {
        _kit.Apply(Opened("e1", T0, "CA-1", AccountType.Current, 400_000m));
        var trigger = Assert.Single(DebitTo(400_000m, 280_000m, T0.AddHours(1)));
        Assert.Equal(Severity.High, trigger.Severity);
        Assert.Equal("aum", trigger.Subject);
        Assert.Equal("""{"aum":280000.00,"high30d":400000,"drop":120000.00,"windowDays":30}""", trigger.Facts.Json);
        Assert.Equal("AUM fell to 280,000.00, 70.0 % of its 30-day high of 400,000.00 (120,000.00 lower): call to understand the drop.",
            trigger.Explanation);
    }

    // 400,000 until day 1, when it falls to 300,000.02; a further fall to 280,000 compares with 400,000 only while day 1
    // is inside the 30 days.
    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void Balance_drop_compares_with_the_high_of_the_last_30_days(int day, bool fires)
    {
        _kit.Apply(Opened("e1", T0, "CA-1", AccountType.Current, 400_000m));
        Assert.Empty(DebitTo(400_000m, 300_000.02m, T0.AddDays(1)));
        var fired = _kit.Apply(Debit("late", T0.AddDays(day), "CA-1", 20_000.02m, 280_000m));
        Assert.Equal(TriggerHarness.FiredIf(fires, TriggerTypes.BalanceDrop), TriggerHarness.Types(fired));
    }

    [Fact]
    public void A_falling_nav_can_be_a_balance_drop_stamped_with_the_nav_time()
    {
        _kit.Apply(Purchased("e1", T0, "F-1", 400_000m, 1.00m));
        var fired = _kit.Nav("F-1", 0.70m, T0.AddDays(1));
        Assert.Equal([TriggerTypes.StopLoss, TriggerTypes.BalanceDrop], fired.Select(t => t.Type));
        Assert.Equal(T0.AddDays(1), _kit.Single(TriggerTypes.BalanceDrop).OccurredAt);
        Assert.Equal("""{"aum":280000.00,"high30d":400000.00,"drop":120000.00,"windowDays":30}""", _kit.Single(TriggerTypes.BalanceDrop).Facts.Json);
    }

    // Steps of at most 49,999.99 (below the large-outflow threshold, fewer than ten debits); returns the last step's triggers.
    private IReadOnlyList<Trigger> DebitTo(decimal balance, decimal target, DateTimeOffset at)
    {
        for (var step = 0; ; step++)
        {
            var amount = Math.Min(49_999.99m, balance - target);
            balance -= amount;
            var fired = _kit.Apply(Debit($"w{at:yyyyMMdd}-{step}", at.AddMinutes(step), "CA-1", amount, balance));
            if (balance == target)
            {
                return fired;
            }
            Assert.Empty(fired);
        }
    }

    // AUM falls from 400,000 to 100,000 when a savings account closes (no movement rule runs on a closure). Far below its
    // high, AUM is judged again only when something lowers it: a rising NAV and a card purchase fire nothing, a falling
    // NAV does.
    [Fact]
    public void Balance_drop_is_judged_only_on_an_event_or_nav_that_lowers_aum()
    {
        _kit.Apply(Opened("e1", T0, "S-1", AccountType.Savings, 300_000m), Purchased("e2", T0, "F-1", 100_000m, 1.00m),
            Opened("e3", T0, "CC-1", AccountType.CreditCard, 0m));
        Assert.Empty(_kit.Apply(Closed("e4", T0.AddHours(1), "S-1")));

        Assert.Empty(_kit.Nav("F-1", 1.05m, T0.AddHours(2)));
        Assert.Empty(_kit.Apply(Debit("e5", T0.AddHours(3), "CC-1", 100m, 100m, TransactionKind.CardPurchase)));
        Assert.Equal([TriggerTypes.BalanceDrop], TriggerHarness.Types(_kit.Nav("F-1", 1.04m, T0.AddHours(4))));
        Assert.Equal("""{"aum":104000.00,"high30d":400000.00,"drop":296000.00,"windowDays":30}""", _kit.Single(TriggerTypes.BalanceDrop).Facts.Json);
    }
}
