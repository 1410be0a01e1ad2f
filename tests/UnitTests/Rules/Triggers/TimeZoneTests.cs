using Engagement.Events;
using Engagement.Rules.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary>Dated rules run on the days of <c>Engine:TimeZone</c>: here Asia/Shanghai, eight hours ahead of UTC.</summary>
public sealed class TimeZoneTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly TriggerHarness _kit = new();

    public TimeZoneTests() => _kit.Settings.TimeZone = Shanghai;

    // Born 10 March: the reminder is due from 9 March 00:00 in Shanghai, 8 March 16:00 UTC.
    [Theory]
    [InlineData("2026-03-08T15:59:59Z", false)]
    [InlineData("2026-03-08T16:00:00Z", true)]
    public void A_birthday_reminder_is_due_from_the_start_of_the_day_before_in_the_engine_time_zone(string now, bool fires)
    {
        _kit.Apply(Registered("e1", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), birthDate: new DateOnly(1985, 3, 10)));
        var fired = _kit.Advance(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TriggerHarness.FiredIf(fires, TriggerTypes.Birthday), TriggerHarness.Types(fired));
        if (fires)
        {
            var trigger = _kit.Single(TriggerTypes.Birthday);
            Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(8)), trigger.DueAt);
            Assert.Equal("The customer's birthday is on 2026-03-10, tomorrow: send greetings.", trigger.Explanation);
        }
    }

    // Maturing 1 June: announced from 25 May 00:00 in Shanghai (24 May 16:00 UTC), seven Shanghai days ahead.
    [Fact]
    public void A_maturity_is_announced_seven_days_ahead_on_the_engine_calendar()
    {
        var opened = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
        _kit.Apply(Opened("e1", opened, "TD-1", AccountType.TermDeposit, 200_000m, new DateOnly(2026, 6, 1)));

        Assert.Empty(_kit.Advance(new DateTimeOffset(2026, 5, 24, 15, 59, 59, TimeSpan.Zero)));
        var trigger = Assert.Single(_kit.Advance(new DateTimeOffset(2026, 5, 24, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 5, 25, 0, 0, 0, TimeSpan.FromHours(8)), trigger.OccurredAt);
        Assert.Equal("""{"accountId":"TD-1","amount":200000,"maturityDate":"2026-06-01","daysLeft":7}""", trigger.Facts.Json);
    }

    // Matured at 17:00 UTC on 1 June, which is 01:00 on 2 June in Shanghai.
    [Fact]
    public void An_event_is_dated_on_the_engine_calendar()
    {
        var fired = _kit.Apply(Matured("e1", new DateTimeOffset(2026, 6, 1, 17, 0, 0, TimeSpan.Zero), "TD-1", 200_000m));
        var trigger = Assert.Single(fired);
        Assert.Equal("""{"accountId":"TD-1","amount":200000,"maturedOn":"2026-06-02"}""", trigger.Facts.Json);
        Assert.Equal("Term deposit TD-1 matured on 2026-06-02 paying 200,000.00: call now, before the funds move elsewhere.", trigger.Explanation);
    }
}
