using Engagement.Events;
using Engagement.Rules.Triggers;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary><c>deposit.maturing</c> (T − 7), <c>payment.due</c> (T − 3) and <c>investment.follow_up</c> (+ 14 days).</summary>
public sealed class ProductReminderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day80 = T0.AddDays(80);
    private readonly TriggerHarness _kit = new();

    [Fact]
    public void A_term_deposit_is_announced_once_seven_days_before_maturity()
    {
        var timeline = _kit.Daily(T0, Day80, Opened("e1", T0, "TD-1", AccountType.TermDeposit, 200_000m, new DateOnly(2026, 6, 1)));
        Assert.Equal([(new DateOnly(2026, 5, 25), TriggerTypes.DepositMaturing)], timeline);

        var trigger = _kit.Single(TriggerTypes.DepositMaturing);
        Assert.Equal("TD-1", trigger.Subject);
        Assert.Equal(Severity.Normal, trigger.Severity);
        Assert.Equal(new DateTimeOffset(2026, 5, 25, 0, 0, 0, TimeSpan.Zero), trigger.OccurredAt);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), trigger.DueAt);
        Assert.Equal("""{"accountId":"TD-1","amount":200000,"maturityDate":"2026-06-01","daysLeft":7}""", trigger.Facts.Json);
        Assert.Equal(["e1"], trigger.SourceEventIds);
        Assert.Equal("Term deposit TD-1 of 200,000.00 matures on 2026-06-01, in 7 days: offer a renewal or another product before the funds move.",
            trigger.Explanation);
    }

    // Opened 2026-04-01 09:00 with 7, 3, 0 days to go: at once; after maturity: never.
    [Theory]
    [InlineData("2026-04-08", "in 7 days")]
    [InlineData("2026-04-04", "in 3 days")]
    [InlineData("2026-04-01", "today")]
    [InlineData("2026-03-31", null)]
    public void A_term_deposit_opened_with_less_than_seven_days_to_go_is_announced_at_once(string maturity, string? when)
    {
        var fired = _kit.Apply(Opened("e1", T0, "TD-1", AccountType.TermDeposit, 200_000m, DateOnly.Parse(maturity)));
        string[] expected = when is null ? [] : [$"Term deposit TD-1 of 200,000.00 matures on {maturity}, {when}: offer a renewal or another product before the funds move."];
        Assert.Equal(expected, fired.Select(t => t.Explanation));
        Assert.All(fired, t => Assert.Equal(T0, t.OccurredAt));
        Assert.All(fired, t => Assert.Equal(["e1"], t.SourceEventIds));
        Assert.Empty(_kit.Daily(T0, Day80));
    }

    [Fact]
    public void A_payment_is_announced_once_three_days_before_it_is_due()
    {
        var timeline = _kit.Daily(T0, Day80, Due("e1", T0, "CC-1", new DateOnly(2026, 5, 10), 3_000m));
        Assert.Equal([(new DateOnly(2026, 5, 7), TriggerTypes.PaymentDue)], timeline);

        var trigger = _kit.Single(TriggerTypes.PaymentDue);
        Assert.Equal("CC-1@2026-05-10", trigger.Subject);
        Assert.Equal(["e1"], trigger.SourceEventIds);
        Assert.Equal(new DateTimeOffset(2026, 5, 10, 0, 0, 0, TimeSpan.Zero), trigger.DueAt);
        Assert.Equal("""{"accountId":"CC-1","amount":3000,"dueDate":"2026-05-10","daysLeft":3}""", trigger.Facts.Json);
        Assert.Equal("A payment of 3,000.00 on CC-1 is due on 2026-05-10, in 3 days: remind the customer to keep funds available.",
            trigger.Explanation);
    }

    [Fact]
    public void A_payment_announced_after_its_due_date_is_not_reminded()
    {
        Assert.Empty(_kit.Apply(Due("e1", T0, "CC-1", new DateOnly(2026, 3, 31), 3_000m)));
        Assert.Empty(_kit.Daily(T0, Day80));
    }

    [Fact]
    public void The_after_sales_call_falls_due_fourteen_days_after_the_purchase_to_the_minute()
    {
        var bought = T0.AddHours(5);
        _kit.Apply(Purchased("e1", bought, "F-1", 100_000m, 1.00m));
        Assert.Empty(_kit.Advance(bought.AddDays(14).AddTicks(-1)));
        var trigger = Assert.Single(_kit.Advance(bought.AddDays(14)));

        Assert.Equal(TriggerTypes.FollowUp, trigger.Type);
        Assert.Equal(bought.AddDays(14), trigger.OccurredAt);
        Assert.Equal(["e1"], trigger.SourceEventIds);
        Assert.Equal("The customer bought 100,000.00 of F-1 on 2026-04-01, 14 days ago: make the after-sales call.", trigger.Explanation);
        Assert.Empty(_kit.Daily(bought.AddDays(15), Day80));
    }

    // One after-sales call per holding at a time: a second purchase of F-1 falls due (day 19) while the first call (day 14)
    // is open and adds none; F-2, bought the same day, gets its own.
    [Fact]
    public void A_second_purchase_while_the_after_sales_call_is_open_adds_no_second_call()
    {
        var timeline = _kit.Daily(T0, Day80, Purchased("e1", T0, "F-1", 1_000m, 1.00m),
            Purchased("e2", T0.AddDays(5), "F-1", 1_000m, 1.00m), Purchased("e3", T0.AddDays(5), "F-2", 1_000m, 1.00m));

        Assert.Equal([(new DateOnly(2026, 4, 15), TriggerTypes.FollowUp), (new DateOnly(2026, 4, 20), TriggerTypes.FollowUp)], timeline);
        Assert.Equal(["F-1", "F-2"], _kit.Triggers.Select(t => t.Subject));
    }
}
