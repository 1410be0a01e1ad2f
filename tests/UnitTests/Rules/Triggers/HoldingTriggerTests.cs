using Engagement.Rules.Triggers;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary><c>investment.take_profit</c> and <c>investment.stop_loss</c> on NAV updates, re-arming within ±5 % of cost.</summary>
public sealed class HoldingTriggerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TriggerHarness _kit = new();

    public HoldingTriggerTests() => _kit.Apply(Purchased("buy", T0, "F-1", 1_000m, 1.00m));

    [Theory]
    [InlineData("1.0999", null)]
    [InlineData("1.10", TriggerTypes.TakeProfit)]
    [InlineData("1.1001", TriggerTypes.TakeProfit)]
    [InlineData("0.9001", null)]
    [InlineData("0.90", TriggerTypes.StopLoss)]
    [InlineData("0.8999", TriggerTypes.StopLoss)]
    public void Value_against_cost_crosses_the_take_profit_and_stop_loss_lines(string nav, string? fires)
    {
        var fired = _kit.Nav("F-1", decimal.Parse(nav), T0.AddDays(1));
        string[] expected = fires is null ? [] : [fires];
        Assert.Equal(expected, TriggerHarness.Types(fired));
    }

    [Fact]
    public void Take_profit_states_value_cost_and_line()
    {
        var trigger = Assert.Single(_kit.Nav("F-1", 1.10m, T0.AddDays(1)));
        Assert.Equal(TriggerCategory.Product, trigger.Category);
        Assert.Equal(Severity.Normal, trigger.Severity);
        Assert.Equal("F-1", trigger.Subject);
        Assert.Empty(trigger.SourceEventIds);
        Assert.Equal("""{"productId":"F-1","units":1000,"cost":1000.00,"value":1100.00,"nav":1.10,"linePct":110.00}""", trigger.Facts.Json);
        Assert.Equal("F-1 is worth 1,100.00 against a cost of 1,000.00 (10.0 %), at or above the 110 % take-profit line: discuss taking profit.",
            trigger.Explanation);
    }

    [Fact]
    public void Stop_loss_states_value_cost_and_line()
    {
        var trigger = Assert.Single(_kit.Nav("F-1", 0.90m, T0.AddDays(1)));
        Assert.Equal(Severity.High, trigger.Severity);
        Assert.Equal("F-1 is worth 900.00 against a cost of 1,000.00 (-10.0 %), at or below the 90 % stop-loss line: review the holding with the customer.",
            trigger.Explanation);
    }

    // Fired on day 1 and closed at once; from day 9 the cooldown is over, so only the arming holds it back until the value
    // is back within ±5 % of cost (the band's edge counts).
    [Theory]
    [InlineData("1.10", "1.20", "1.0501", "1.05", TriggerTypes.TakeProfit)]
    [InlineData("0.90", "0.80", "0.9499", "0.95", TriggerTypes.StopLoss)]
    public void A_line_fires_again_only_after_the_value_came_back_within_5_percent(string line, string beyond, string outsideBand,
        string bandEdge, string type)
    {
        var fired = Assert.Single(_kit.Nav("F-1", decimal.Parse(line), T0.AddDays(1)));
        Assert.NotNull(_kit.Outcome(fired, OutcomeKind.Reached, T0.AddDays(1)));

        Assert.Empty(_kit.Nav("F-1", decimal.Parse(beyond), T0.AddDays(9)));
        Assert.Empty(_kit.Nav("F-1", decimal.Parse(outsideBand), T0.AddDays(10)));
        Assert.Empty(_kit.Nav("F-1", decimal.Parse(line), T0.AddDays(11)));
        Assert.Empty(_kit.Nav("F-1", decimal.Parse(bandEdge), T0.AddDays(12)));
        Assert.Equal([type], TriggerHarness.Types(_kit.Nav("F-1", decimal.Parse(line), T0.AddDays(13))));
    }

    [Fact]
    public void A_fall_straight_from_take_profit_to_stop_loss_fires_the_stop_loss()
    {
        Assert.Equal([TriggerTypes.TakeProfit], TriggerHarness.Types(_kit.Nav("F-1", 1.10m, T0.AddDays(1))));
        Assert.Equal([TriggerTypes.StopLoss], TriggerHarness.Types(_kit.Nav("F-1", 0.90m, T0.AddDays(2))));
    }

    // Re-armed on day 2, back over the line on day 3 while the day-1 trigger's cooldown runs: nothing fires then, and the
    // holding is still armed, so the first NAV after the cooldown that is still over the line fires.
    [Fact]
    public void A_crossing_held_back_by_the_cooldown_fires_once_the_cooldown_is_over()
    {
        var first = Assert.Single(_kit.Nav("F-1", 1.10m, T0.AddDays(1)));
        _kit.Outcome(first, OutcomeKind.Reached, T0.AddDays(1));
        Assert.Empty(_kit.Nav("F-1", 1.00m, T0.AddDays(2)));
        Assert.Empty(_kit.Nav("F-1", 1.12m, T0.AddDays(3)));
        Assert.Empty(_kit.Nav("F-1", 1.15m, T0.AddDays(8).AddTicks(-1)));

        var again = Assert.Single(_kit.Nav("F-1", 1.15m, T0.AddDays(8)));
        Assert.Equal(TriggerTypes.TakeProfit, again.Type);
        Assert.NotEqual(first.TriggerId, again.TriggerId);
    }
}
