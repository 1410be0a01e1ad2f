using Engagement.Customers;
using Engagement.Rules;
using Engagement.State;

namespace Engagement.UnitTests.Rules;

public sealed class TierRulesTests
{
    private static readonly RuleSettings Settings = new();
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", Tier.Standard)]
    [InlineData("499999.99", Tier.Standard)]
    [InlineData("500000.00", Tier.Wealth)]
    [InlineData("5999999.99", Tier.Wealth)]
    [InlineData("6000000.00", Tier.Private)]
    public void Qualify_uses_the_thresholds_inclusively(string aum, Tier expected) =>
        Assert.Equal(expected, TierRules.Qualify(decimal.Parse(aum), Settings));

    [Fact]
    public void Upgrade_is_immediate_and_clears_any_risk()
    {
        var tier = new TierState { Current = Tier.Wealth, DowngradeRiskSince = T0 };
        Assert.Equal(TierChange.Upgraded, TierRules.Evaluate(tier, 6_000_000m, T0.AddDays(1), Settings));
        Assert.Equal(Tier.Private, tier.Current);
        Assert.Equal(T0.AddDays(1), tier.Since);
        Assert.Null(tier.DowngradeRiskSince);
    }

    [Fact]
    public void Falling_below_starts_the_grace_period_and_keeps_the_tier()
    {
        var tier = new TierState { Current = Tier.Wealth, Since = T0 };
        Assert.Equal(TierChange.DowngradeRisk, TierRules.Evaluate(tier, 499_999.99m, T0.AddDays(2), Settings));
        Assert.Equal(Tier.Wealth, tier.Current);
        Assert.Equal(T0.AddDays(2), tier.DowngradeRiskSince);
    }

    [Fact]
    public void Recovering_within_the_grace_period_clears_the_risk()
    {
        var tier = new TierState { Current = Tier.Wealth, Since = T0, DowngradeRiskSince = T0 };
        Assert.Equal(TierChange.RiskCleared, TierRules.Evaluate(tier, 500_000m, T0.AddDays(29), Settings));
        Assert.Equal(Tier.Wealth, tier.Current);
        Assert.Null(tier.DowngradeRiskSince);
    }

    [Fact]
    public void The_tier_drops_exactly_when_the_grace_period_ends()
    {
        var tier = new TierState { Current = Tier.Wealth, Since = T0, DowngradeRiskSince = T0 };
        Assert.Equal(TierChange.None, TierRules.Evaluate(tier, 100m, T0.AddDays(30).AddTicks(-1), Settings));
        Assert.Equal(Tier.Wealth, tier.Current);

        Assert.Equal(TierChange.Downgraded, TierRules.Evaluate(tier, 100m, T0.AddDays(30), Settings));
        Assert.Equal(Tier.Standard, tier.Current);
        Assert.Equal(T0.AddDays(30), tier.Since);
        Assert.Null(tier.DowngradeRiskSince);
    }

    [Fact]
    public void A_private_customer_drops_to_what_the_aum_then_qualifies_for()
    {
        var tier = new TierState { Current = Tier.Private, Since = T0, DowngradeRiskSince = T0 };
        TierRules.Evaluate(tier, 700_000m, T0.AddDays(31), Settings);
        Assert.Equal(Tier.Wealth, tier.Current);
    }

    [Theory]
    [InlineData(Tier.Standard, "120000.50", "379999.50")]
    [InlineData(Tier.Wealth, "500000.00", "5500000.00")]
    [InlineData(Tier.Wealth, "450000.00", "5550000.00")]
    public void Gap_to_the_next_tier(Tier current, string aum, string gap) =>
        Assert.Equal(decimal.Parse(gap), TierRules.GapToNext(current, decimal.Parse(aum), Settings));

    [Fact]
    public void Private_has_no_next_tier()
    {
        Assert.Null(TierRules.Next(Tier.Private));
        Assert.Null(TierRules.GapToNext(Tier.Private, 7_000_000m, Settings));
    }
}
