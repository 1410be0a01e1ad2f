using Engagement.Customers;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.State;

namespace Engagement.UnitTests.Rules;

/// <summary>Points expiry by first-in-first-out lots (SPEC §3): each month's earnings expire together at the end of the
/// month 24 months later; redemptions take the oldest lots first; a reversal takes from its original's lot.</summary>
public sealed class PointsExpiryTests
{
    private static readonly RuleSettings Settings = new();
    private static readonly RuleCalendar Utc = new(TimeZoneInfo.Utc);
    private static readonly DateTimeOffset May2026 = new(2026, 5, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset June2026 = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private readonly PointsState _points = new();

    [Theory]
    [InlineData("2026-05-01T00:00:00Z", "2028-05-31")]
    [InlineData("2026-05-31T23:59:59Z", "2028-05-31")]
    [InlineData("2026-06-01T00:00:00Z", "2028-06-30")]
    [InlineData("2026-02-10T08:00:00Z", "2028-02-29")]
    [InlineData("2026-12-31T12:00:00Z", "2028-12-31")]
    public void Points_can_be_spent_until_the_end_of_the_month_24_months_after_earning(string earnedAt, string lastDay) =>
        Assert.Equal(DateOnly.Parse(lastDay), PointsRules.ExpiryOf(DateTimeOffset.Parse(earnedAt, System.Globalization.CultureInfo.InvariantCulture), Utc, Settings));

    [Fact]
    public void A_lot_expires_at_the_start_of_the_day_after_its_last_as_one_expire_entry()
    {
        Earn("e1", 150, May2026);
        Earn("e2", 50, May2026.AddDays(3));

        Assert.False(PointsRules.Expire(_points, new DateTimeOffset(2028, 5, 31, 23, 59, 59, TimeSpan.Zero), Utc, Settings));
        Assert.True(PointsRules.Expire(_points, new DateTimeOffset(2028, 6, 1, 0, 0, 0, TimeSpan.Zero), Utc, Settings));

        Assert.Equal(0, _points.Balance);
        Assert.Empty(_points.Lots);
        Assert.Equal(("expire-2028-05-31", LedgerEntryKind.Expire, -200L, 0L, new DateTimeOffset(2028, 6, 1, 0, 0, 0, TimeSpan.Zero)), Last());
        Assert.Equal(200, _points.LifetimeEarned);
    }

    [Fact]
    public void Redemptions_spend_the_oldest_lots_first()
    {
        Earn("e1", 100, May2026);
        Earn("e2", 200, June2026);
        PointsRules.Redeem(_points, "r1", 150, June2026.AddDays(1), Settings);

        Assert.Equal([(new DateOnly(2028, 6, 30), 150L)], Lots());
        Assert.False(PointsRules.Expire(_points, new DateTimeOffset(2028, 6, 1, 0, 0, 0, TimeSpan.Zero), Utc, Settings));
        Assert.True(PointsRules.Expire(_points, new DateTimeOffset(2028, 7, 1, 0, 0, 0, TimeSpan.Zero), Utc, Settings));
        Assert.Equal(("expire-2028-06-30", LedgerEntryKind.Expire, -150L, 0L, new DateTimeOffset(2028, 7, 1, 0, 0, 0, TimeSpan.Zero)), Last());
    }

    [Fact]
    public void A_reversal_takes_back_from_the_lot_its_original_made()
    {
        Earn("e1", 100, May2026);
        Earn("e2", 200, June2026);
        PointsRules.Reverse(_points, "e2", "v2", originalSeen: true, June2026.AddDays(1), Settings);

        Assert.Equal([(new DateOnly(2028, 5, 31), 100L)], Lots());
        Assert.Equal(100, _points.Balance);
    }

    // May's 100 were spent by the redemption; their reversal takes what it can no longer find in May's lot from the
    // oldest lot left, June's.
    [Fact]
    public void A_reversal_whose_lot_was_spent_takes_from_the_oldest_lots_left()
    {
        Earn("e1", 100, May2026);
        Earn("e2", 200, June2026);
        PointsRules.Redeem(_points, "r1", 150, June2026.AddDays(1), Settings);
        PointsRules.Reverse(_points, "e1", "v1", originalSeen: true, June2026.AddDays(2), Settings);

        Assert.Equal(50, _points.Balance);
        Assert.Equal([(new DateOnly(2028, 6, 30), 50L)], Lots());
    }

    // A reversal after the points were spent leaves the balance below zero with no lots; later earnings pay that
    // first, and only what is left of them makes a lot.
    [Fact]
    public void Earnings_after_a_negative_balance_pay_it_before_they_make_a_lot()
    {
        Earn("e1", 100, May2026);
        PointsRules.Redeem(_points, "r1", 100, May2026.AddDays(1), Settings);
        PointsRules.Reverse(_points, "e1", "v1", originalSeen: true, May2026.AddDays(2), Settings);
        Assert.Equal(-100, _points.Balance);
        Assert.Empty(_points.Lots);

        Earn("e2", 30, June2026);
        Assert.Empty(_points.Lots);
        Earn("e3", 100, June2026.AddMonths(1));
        Assert.Equal(30, _points.Balance);
        Assert.Equal([(new DateOnly(2028, 7, 31), 30L)], Lots());
    }

    [Fact]
    public void A_balance_from_before_lots_becomes_one_lot_with_the_lifetime_of_points_earned_then()
    {
        var points = new PointsState { Balance = 18_000, LifetimeEarned = 18_000 };
        Assert.False(PointsRules.Expire(points, new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), Utc, Settings));

        Assert.Equal([(new DateOnly(2028, 12, 31), 18_000L)], points.Lots.Select(l => (l.ExpiresOn, l.Points)));
        Assert.Empty(points.Ledger);
    }

    private void Earn(string eventId, long points, DateTimeOffset at) => PointsRules.Earn(_points, eventId, points, at, Utc, Settings);

    private (DateOnly, long)[] Lots() => _points.Lots.Select(l => (l.ExpiresOn, l.Points)).ToArray();

    private (string, LedgerEntryKind, long, long, DateTimeOffset) Last()
    {
        var entry = _points.Ledger[^1];
        return (entry.EventId, entry.Kind, entry.Points, entry.BalanceAfter, entry.At);
    }
}
