using Engagement.Testing;
using System.Globalization;
using Engagement.Rules;
using Engagement.Rules.Triggers;

namespace Engagement.UnitTests.Configuration;

public sealed class RuleValidatorTests
{
    private static IReadOnlyList<string> Rules(Action<RuleSettings> change) => Checked.Problems(new RuleSettingsValidator(), change);

    private static IReadOnlyList<string> Triggers(Action<TriggerSettings> change) => Checked.Problems(new TriggerSettingsValidator(), change);

    private static decimal Figure(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void The_defaults_of_spec_are_valid()
    {
        Assert.Empty(Rules(_ => { }));
        Assert.Empty(Triggers(_ => { }));
    }

    [Fact]
    public void Tier_thresholds_are_positive_and_in_order()
    {
        Assert.Equal(["Rules:WealthThreshold must be more than 0 (got 0)"], Rules(s => s.WealthThreshold = 0m));
        Assert.Equal(["Rules:PrivateThreshold must be more than Rules:WealthThreshold (500000; got 500000)"], Rules(s => s.PrivateThreshold = 500_000m));
        Assert.Empty(Rules(s => (s.WealthThreshold, s.PrivateThreshold) = (0.01m, 0.02m)));
    }

    [Fact]
    public void Lifecycle_bands_are_in_order_and_histories_keep_something()
    {
        Assert.Equal(["Rules:GrowthFromPct must be more than Rules:MatureFromPct (5; got 5)"], Rules(s => s.GrowthFromPct = 5m));
        Assert.Equal(["Rules:DeclineAtPct must be less than Rules:MatureFromPct (5; got 5)"], Rules(s => s.DeclineAtPct = 5m));
        Assert.Equal(["Rules:LedgerEntriesKept must be at least 1 (got 0)"], Rules(s => s.LedgerEntriesKept = 0));
        Assert.Equal(["Rules:CardPurchaseRate must not be negative (got -0.1)"], Rules(s => s.CardPurchaseRate = -0.1m));
        Assert.Empty(Rules(s => (s.CardPurchaseRate, s.LedgerEntriesKept) = (0m, 1)));
    }

    [Theory]
    [InlineData("1.00", "0.90", "0.05", false)]
    [InlineData("1.06", "0.90", "0.05", true)]
    [InlineData("1.10", "0", "0.05", false)]
    [InlineData("1.10", "1", "0.05", false)]
    [InlineData("1.10", "0.96", "0.05", false)]
    [InlineData("1.10", "0.90", "0", false)]
    public void Take_profit_and_stop_loss_sit_either_side_of_cost_with_the_band_inside_both(string takeProfit, string stopLoss, string band, bool valid) =>
        Assert.Equal(valid, Triggers(s => (s.TakeProfitRatio, s.StopLossRatio, s.RearmBand) = (Figure(takeProfit), Figure(stopLoss), Figure(band))).Count == 0);

    [Fact]
    public void Thresholds_are_positive_and_caps_not_negative()
    {
        Assert.Equal(["Triggers:StandardLargeOutflow must be more than 0 (got 0)"], Triggers(s => s.StandardLargeOutflow = 0m));
        Assert.Equal(["Triggers:ExternalTransferMin must be more than 0 (got -1)"], Triggers(s => s.ExternalTransferMin = -1m));
        Assert.Equal(["Triggers:BalanceDropRatio must be between 0 and 1 (got 1)"], Triggers(s => s.BalanceDropRatio = 1m));
        Assert.Equal(["Triggers:AdvisorDailyCap must be at least 0 (got -1)"], Triggers(s => s.AdvisorDailyCap = -1));
        Assert.Equal(["Triggers:DepositMaturingLead must be more than zero (got 00:00:00)"], Triggers(s => s.DepositMaturingLead = TimeSpan.Zero));
        Assert.Empty(Triggers(s => (s.AdvisorDailyCap, s.ClosedTriggersKept, s.DefaultCooldown) = (0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Points_live_at_least_a_month_and_their_warning_needs_a_lead_and_a_minimum()
    {
        Assert.Equal(["Rules:PointsLifetimeMonths must be at least 1 (got 0)"], Rules(s => s.PointsLifetimeMonths = 0));
        Assert.Empty(Rules(s => s.PointsLifetimeMonths = 1));
        Assert.Equal(["Triggers:PointsExpiringLead must be more than zero (got 00:00:00)"], Triggers(s => s.PointsExpiringLead = TimeSpan.Zero));
        Assert.Equal(["Triggers:PointsExpiringMin must be at least 1 (got 0)"], Triggers(s => s.PointsExpiringMin = 0));
        Assert.Empty(Triggers(s => s.PointsExpiringMin = 1));
    }

    [Fact]
    public void Cooldowns_are_of_known_types_and_not_negative()
    {
        Assert.Equal(["Triggers:Cooldowns:movement.nothing is not a trigger type"],
            Triggers(s => s.Cooldowns["movement.nothing"] = TimeSpan.FromDays(1)));
        Assert.Equal(["Triggers:Cooldowns:movement.balance_drop must not be negative (got -1.00:00:00)"],
            Triggers(s => s.Cooldowns[TriggerTypes.BalanceDrop] = TimeSpan.FromDays(-1)));
    }
}
