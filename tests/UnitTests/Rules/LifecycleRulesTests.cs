using Engagement.Customers;
using Engagement.Rules;
using Engagement.State;

namespace Engagement.UnitTests.Rules;

public sealed class LifecycleRulesTests
{
    private static readonly RuleSettings Settings = new();
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("100000", "120000", LifecycleStage.Growth)]
    [InlineData("100000", "119999.99", LifecycleStage.Mature)]
    [InlineData("100000", "105000", LifecycleStage.Mature)]
    [InlineData("100000", "104999.99", LifecycleStage.Stable)]
    [InlineData("100000", "80000.01", LifecycleStage.Stable)]
    [InlineData("100000", "80000", LifecycleStage.Decline)]
    [InlineData("0", "1", LifecycleStage.Growth)]
    [InlineData("0", "0", LifecycleStage.Stable)]
    public void Stage_by_the_aum_change(string baseline, string aum, LifecycleStage expected) =>
        Assert.Equal(expected, LifecycleRules.StageForChange(decimal.Parse(baseline), decimal.Parse(aum), Settings));

    [Fact]
    public void Under_ninety_days_of_history_is_growth_whatever_the_aum()
    {
        var activity = new ActivityState { FirstEventAt = Start, LastCustomerTransactionAt = Start };
        ActivityRules.RecordAum(activity, 100_000m, Start, Settings.LifecycleWindow);
        Assert.Equal(LifecycleStage.Growth, LifecycleRules.StageAt(activity, 1m, Start.AddDays(90).AddTicks(-1), Settings));
    }

    [Fact]
    public void Ninety_days_without_an_own_transaction_is_decline()
    {
        var activity = new ActivityState { FirstEventAt = Start, LastCustomerTransactionAt = Start.AddDays(10) };
        ActivityRules.RecordAum(activity, 100_000m, Start, Settings.LifecycleWindow);
        Assert.Equal(LifecycleStage.Stable, LifecycleRules.StageAt(activity, 100_000m, Start.AddDays(100).AddTicks(-1), Settings));
        Assert.Equal(LifecycleStage.Decline, LifecycleRules.StageAt(activity, 100_000m, Start.AddDays(100), Settings));
    }

    [Fact]
    public void The_baseline_is_the_aum_ninety_days_before()
    {
        var activity = new ActivityState { FirstEventAt = Start };
        ActivityRules.RecordAum(activity, 100_000m, Start, Settings.LifecycleWindow);
        ActivityRules.RecordAum(activity, 150_000m, Start.AddDays(50), Settings.LifecycleWindow);
        activity.LastCustomerTransactionAt = Start.AddDays(95);
        // On day 100 the window starts on day 10: the baseline is day 0's 100,000, so 118,000 is +18 %.
        Assert.Equal(LifecycleStage.Mature, LifecycleRules.StageAt(activity, 118_000m, Start.AddDays(100), Settings));
        // On day 150 the window starts on day 60: the baseline is day 50's 150,000, so 118,000 is −21.3 %.
        Assert.Equal(LifecycleStage.Decline, LifecycleRules.StageAt(activity, 118_000m, Start.AddDays(150), Settings));
    }
}
