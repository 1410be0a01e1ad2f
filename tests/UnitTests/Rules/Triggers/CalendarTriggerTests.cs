using Engagement.Events;
using Engagement.Rules.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary><c>customer.birthday</c> and <c>customer.anniversary</c>, with the clock walked a day at a time over years.</summary>
public sealed class CalendarTriggerTests
{
    private readonly TriggerHarness _kit = new();

    // Registered on 2026-01-10 and walked to 2029-03-01: one reminder a year, the day before; 29 February falls on the
    // 28th in other years.
    [Theory]
    [InlineData("2000-02-29", new[] { "2026-02-27", "2027-02-27", "2028-02-28", "2029-02-27" })]
    [InlineData("1990-01-01", new[] { "2026-12-31", "2027-12-31", "2028-12-31" })]
    [InlineData("1985-03-10", new[] { "2026-03-09", "2027-03-09", "2028-03-09" })]
    public void The_birthday_reminder_fires_once_a_year_the_day_before(string birthDate, string[] days)
    {
        var start = new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
        var timeline = _kit.Daily(start, new DateTimeOffset(2029, 3, 1, 9, 0, 0, TimeSpan.Zero),
            Registered("e1", start, birthDate: DateOnly.Parse(birthDate)));

        Assert.Equal(days.Select(DateOnly.Parse), timeline.Where(t => t.Type == TriggerTypes.Birthday).Select(t => t.Day));
        Assert.Equal(days.Select(d => DateOnly.Parse(d).AddDays(1).Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _kit.Triggers.Where(t => t.Type == TriggerTypes.Birthday).Select(t => t.Subject));
    }

    [Fact]
    public void The_birthday_reminder_states_the_date_and_the_age()
    {
        var start = new DateTimeOffset(2028, 2, 1, 9, 0, 0, TimeSpan.Zero);
        _kit.Daily(start, start.AddDays(30), Registered("e1", start, birthDate: new DateOnly(2000, 2, 29)));

        var trigger = _kit.Single(TriggerTypes.Birthday);
        Assert.Equal(new DateTimeOffset(2028, 2, 28, 0, 0, 0, TimeSpan.Zero), trigger.OccurredAt);
        Assert.Equal(new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero), trigger.DueAt);
        Assert.Equal("""{"birthday":"2028-02-29","age":28,"daysLeft":1}""", trigger.Facts.Json);
        Assert.Equal("The customer's birthday is on 2028-02-29, tomorrow: send greetings.", trigger.Explanation);
        Assert.Equal(["e1"], trigger.SourceEventIds);
    }

    // Registered without a birth date; a later update gives it, and the reminder names the update.
    [Fact]
    public void A_birthday_reminder_names_the_event_that_gave_the_birth_date()
    {
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        _kit.Apply(Registered("e1", start));
        var fired = _kit.Apply(new CustomerUpdated { EventId = "e2", CustomerId = Customer, OccurredAt = start.AddDays(1), BirthDate = new DateOnly(1985, 3, 3) });

        Assert.Equal([(TriggerTypes.Birthday, "e2")], fired.Select(t => (t.Type, string.Join(",", t.SourceEventIds))));
    }

    // Registered the day before, on, and the day after the birthday (2026-03-10).
    [Theory]
    [InlineData(9, "The customer's birthday is on 2026-03-10, tomorrow: send greetings.")]
    [InlineData(10, "The customer's birthday is on 2026-03-10, today: send greetings.")]
    [InlineData(11, null)]
    public void A_customer_registered_inside_the_reminder_window_gets_it_at_once(int day, string? explanation)
    {
        var fired = _kit.Apply(Registered("e1", new DateTimeOffset(2026, 3, day, 9, 0, 0, TimeSpan.Zero), birthDate: new DateOnly(1985, 3, 10)));
        string[] expected = explanation is null ? [] : [explanation];
        Assert.Equal(expected, fired.Where(t => t.Type == TriggerTypes.Birthday).Select(t => t.Explanation));
    }

    // Joined 2020-03-15, registered 2026-04-01: the 2026 anniversary was already past.
    [Fact]
    public void Anniversaries_fire_on_the_day_from_the_first_one_after_registration()
    {
        var start = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
        var timeline = _kit.Daily(start, new DateTimeOffset(2028, 12, 31, 9, 0, 0, TimeSpan.Zero),
            Registered("e1", start, joinedAt: new DateOnly(2020, 3, 15)));

        Assert.Equal([new DateOnly(2027, 3, 15), new DateOnly(2028, 3, 15)],
            timeline.Where(t => t.Type == TriggerTypes.Anniversary).Select(t => t.Day));
        var seventh = _kit.Triggers.First(t => t.Type == TriggerTypes.Anniversary);
        Assert.Equal("2027", seventh.Subject);
        Assert.Equal("""{"joinedAt":"2020-03-15","years":7}""", seventh.Facts.Json);
        Assert.Equal(["e1"], seventh.SourceEventIds);
        Assert.Equal("Today is the customer's 7th anniversary with the bank (joined 2020-03-15): thank them for their loyalty.", seventh.Explanation);
    }

    [Fact]
    public void A_leap_day_joiner_is_celebrated_on_28_february_in_other_years()
    {
        var start = new DateTimeOffset(2024, 2, 29, 9, 0, 0, TimeSpan.Zero);
        var timeline = _kit.Daily(start, new DateTimeOffset(2028, 3, 1, 9, 0, 0, TimeSpan.Zero), Registered("e1", start));

        Assert.Equal([new DateOnly(2025, 2, 28), new DateOnly(2026, 2, 28), new DateOnly(2027, 2, 28), new DateOnly(2028, 2, 29)],
            timeline.Where(t => t.Type == TriggerTypes.Anniversary).Select(t => t.Day));
        Assert.Equal(["1st", "2nd", "3rd", "4th"],
            _kit.Triggers.Where(t => t.Type == TriggerTypes.Anniversary).Select(t => t.Explanation.Split(' ')[4]));
    }

    [Fact]
    public void An_anniversary_falling_on_the_registration_day_is_not_past_and_fires()
    {
        var fired = _kit.Apply(Registered("e1", new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero), joinedAt: new DateOnly(2020, 3, 15)));
        Assert.Equal([TriggerTypes.Anniversary, TriggerTypes.Onboarding], TriggerHarness.Types(fired));
    }
}
