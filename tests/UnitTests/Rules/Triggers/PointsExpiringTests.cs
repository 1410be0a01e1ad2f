using Engagement.Events;
using Engagement.Rules.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary><c>points.expiring</c>: 30 days before at least 1,000 points expire, once.</summary>
public sealed class PointsExpiringTests
{
    // Earned on 10 April 2026, spendable until 30 April 2028, gone from 1 May 2028; warned from 1 April 2028.
    private static readonly DateTimeOffset Earned = new(2026, 4, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WarnFrom = new(2028, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TriggerHarness _kit = new();

    [Theory]
    [InlineData("10000.00", true)]
    [InlineData("9999.99", false)]
    public void Fires_30_days_before_at_least_1000_points_expire_and_only_once(string purchase, bool fires)
    {
        _kit.Apply(Opened("e0", Earned, "CC-1", AccountType.CreditCard, 0m),
            Debit("e1", Earned, "CC-1", decimal.Parse(purchase), null, TransactionKind.CardPurchase));

        Assert.Empty(Expiring(_kit.Advance(WarnFrom.AddSeconds(-1))));
        Assert.Equal(TriggerHarness.FiredIf(fires, TriggerTypes.PointsExpiring), TriggerHarness.Types(Expiring(_kit.Advance(WarnFrom))));
        Assert.Empty(Expiring(_kit.Advance(WarnFrom.AddDays(15))));
        if (fires)
        {
            var trigger = _kit.Single(TriggerTypes.PointsExpiring);
            Assert.Equal("2028-04-30", trigger.Subject);
            Assert.Equal(WarnFrom, trigger.OccurredAt);
            Assert.Equal("""{"points":1000,"expiresOn":"2028-04-30","balance":1000,"daysLeft":30}""", trigger.Facts.Json);
            Assert.Equal("1,000 of the customer's 1,000 loyalty points expire after 2028-04-30, in 30 days: remind the customer to redeem them.",
                trigger.Explanation);
        }
    }

    [Fact]
    public void The_clock_wakes_the_customer_for_the_warning_and_for_the_expiry()
    {
        _kit.Apply(Opened("e0", Earned, "CC-1", AccountType.CreditCard, 0m),
            Debit("e1", Earned, "CC-1", 10_000m, null, TransactionKind.CardPurchase));
        _kit.Advance(WarnFrom.AddDays(-1));

        Assert.Equal(WarnFrom, _kit.Rules.NextDue(_kit.State, WarnFrom.AddDays(-1)));
        _kit.Advance(WarnFrom);
        Assert.Equal(new DateTimeOffset(2028, 5, 1, 0, 0, 0, TimeSpan.Zero), _kit.Rules.NextDue(_kit.State, WarnFrom.AddDays(29)));
        _kit.Advance(new DateTimeOffset(2028, 5, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, _kit.State.Points.Balance);
    }

    private static IEnumerable<Engagement.Triggers.Trigger> Expiring(IEnumerable<Engagement.Triggers.Trigger> fired) =>
        fired.Where(t => t.Type == TriggerTypes.PointsExpiring);
}
