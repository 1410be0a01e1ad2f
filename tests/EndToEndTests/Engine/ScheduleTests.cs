using System.Diagnostics;
using System.Text.Json;
using Engagement.EndToEndTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Engagement.EndToEndTests.Engine;

/// <summary>Quiet customers are woken by the silo clock: due dates fire once, on the wall clock, without any event.</summary>
[Collection(EngineCollection.Name)]
public sealed class ScheduleTests(EngineFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_quiet_customer_gets_the_birthday_reminder_once_as_the_clock_moves_through_the_days()
    {
        var start = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(start);
        // Topics of its own: on the defaults it would replay every earlier test's customers, and wake them all as its
        // clock jumps days.
        var settings = fixture.EngineSettings($"clock-{_run}");
        // Each jump of a day times out every grain call in flight at once, the clock's tick among them: a tick a second
        // retries it within a second of the wall clock, not thirty.
        settings["Schedule:Tick"] = "00:00:01";
        var (started, input) = await fixture.StartOnOwnTopicsAsync(settings, $"clock-{_run}", 1, 1, clock);
        await using var engine = started;
        using var producer = new TestProducer(fixture.BootstrapServers);
        var c = $"B-{_run}";
        var birthday = DateOnly.FromDateTime(start.UtcDateTime.AddDays(4));
        var birthDate = new DateOnly(1980, birthday.Month, birthday.Day);
        await producer.SendAsync(input, c,
            $$"""{"eventId":"{{c}}-1","type":"customer.registered","customerId":"{{c}}","occurredAt":"{{Json.Stamp(start)}}","name":"Quiet","advisorId":"A1","birthDate":"{{birthDate:yyyy-MM-dd}}"}""");
        await engine.CustomerAfterAsync(c, 1);

        for (var day = 1; day <= 6; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            var expected = clock.GetUtcNow() >= Midnight(birthday).AddDays(-1) ? 1 : 0;
            // While it waits the clock keeps the wall clock's pace: a timer or retry armed on it while the day moved (a
            // tick, an effect's retry) comes due instead of waiting for tomorrow's jump, and a call that is slow under load
            // does not time out on a clock running faster than the wall's.
            var looked = Stopwatch.GetTimestamp();
            await Eventually.MatchAsync(() =>
            {
                var now = Stopwatch.GetTimestamp();
                clock.Advance(Stopwatch.GetElapsedTime(looked, now));
                looked = now;
                return BirthdaysAsync(engine, c);
            }, n => n == expected, TimeSpan.FromSeconds(20), $"{expected} birthday triggers on day {day}");
        }
        var triggers = await TriggersAsync(engine, c);
        var reminder = Assert.Single(triggers, t => t.GetProperty("type").GetString() == "customer.birthday");
        Assert.Equal(Midnight(birthday).AddDays(-1), reminder.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal($"The customer's birthday is on {birthday:yyyy-MM-dd}, tomorrow: send greetings.", reminder.GetProperty("explanation").GetString());
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static async Task<int> BirthdaysAsync(TestEngine engine, string customerId) =>
        (await TriggersAsync(engine, customerId)).Count(t => t.GetProperty("type").GetString() == "customer.birthday");

    private static async Task<List<JsonElement>> TriggersAsync(TestEngine engine, string customerId) =>
        (await engine.GetJsonAsync($"/api/customers/{customerId}/triggers"))!.Value.EnumerateArray().ToList();
}
