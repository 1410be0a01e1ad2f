using Engagement.Customers;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.State;

namespace Engagement.UnitTests.Rules;

public sealed class PointsRulesTests
{
    private static readonly RuleSettings Settings = new();
    private static readonly DateTimeOffset At = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly RuleCalendar Utc = new(TimeZoneInfo.Utc);

    [Theory]
    [InlineData("99.99", "0.1", Tier.Standard, 9)]
    [InlineData("100.00", "0.1", Tier.Standard, 10)]
    [InlineData("100.00", "0.1", Tier.Wealth, 15)]
    [InlineData("33.33", "0.1", Tier.Wealth, 4)]
    [InlineData("100.00", "0.1", Tier.Private, 20)]
    [InlineData("12345.67", "0.01", Tier.Private, 246)]
    [InlineData("99.99", "0.01", Tier.Standard, 0)]
    public void Earned_is_floored_after_the_tier_multiplier(string amount, string rate, Tier tier, long expected) =>
        Assert.Equal(expected, PointsRules.Earned(decimal.Parse(amount), decimal.Parse(rate), tier, Settings));

    [Fact]
    public void Reversal_takes_back_exactly_what_was_earned_even_below_zero()
    {
        var points = new PointsState();
        PointsRules.Earn(points, "e1", 150, At, Utc, Settings);
        PointsRules.Post(points, "r1", LedgerEntryKind.Redeem, -100, At, Settings);
        PointsRules.Reverse(points, "e1", "v1", originalSeen: true, At, Settings);

        Assert.Equal(-100, points.Balance);
        Assert.Equal(0, points.LifetimeEarned);
        Assert.Equal(
            [("e1", LedgerEntryKind.Earn, 150L, 150L), ("r1", LedgerEntryKind.Redeem, -100L, 50L), ("v1", LedgerEntryKind.Reverse, -150L, -100L)],
            points.Ledger.Select(e => (e.EventId, e.Kind, e.Points, e.BalanceAfter)));
        Assert.Equal(["L1", "L2", "L3"], points.Ledger.Select(e => e.EntryId));
    }

    [Fact]
    public void A_second_reversal_of_the_same_event_takes_nothing_more()
    {
        var points = new PointsState();
        PointsRules.Earn(points, "e1", 40, At, Utc, Settings);
        PointsRules.Reverse(points, "e1", "v1", originalSeen: true, At, Settings);
        PointsRules.Reverse(points, "e1", "v2", originalSeen: true, At, Settings);
        Assert.Equal(0, points.Balance);
        Assert.Equal(2, points.Ledger.Count);
    }

    [Fact]
    public void A_reversal_that_arrives_first_is_applied_when_the_original_arrives()
    {
        var points = new PointsState();
        PointsRules.Reverse(points, "e1", "v1", originalSeen: false, At, Settings);
        Assert.Empty(points.Ledger);

        PointsRules.Earn(points, "e1", 25, At, Utc, Settings);
        Assert.Equal(0, points.Balance);
        Assert.Equal(0, points.LifetimeEarned);
        Assert.Equal([25L, -25L], points.Ledger.Select(e => e.Points));
        Assert.Empty(points.PendingReversals);
    }

    [Fact]
    public void Reversing_an_event_that_earned_nothing_changes_nothing()
    {
        var points = new PointsState();
        PointsRules.Reverse(points, "e1", "v1", originalSeen: true, At, Settings);
        Assert.Equal(0, points.Balance);
        Assert.Empty(points.Ledger);
        Assert.Empty(points.PendingReversals);
    }

    [Fact]
    public void The_ledger_in_state_is_bounded_and_older_entries_wait_for_the_archive()
    {
        var settings = new RuleSettings { LedgerEntriesKept = 3 };
        var points = new PointsState();
        for (var i = 1; i <= 5; i++)
        {
            PointsRules.Earn(points, $"e{i}", i, At, Utc, settings);
        }
        Assert.Equal(15, points.Balance);
        Assert.Equal(["L3", "L4", "L5"], points.Ledger.Select(e => e.EntryId));
        Assert.Equal(["L1", "L2"], points.ToArchive.Select(e => e.EntryId));
    }
}
