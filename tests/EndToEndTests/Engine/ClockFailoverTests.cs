using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Engagement.EndToEndTests.Support;
using Xunit.Abstractions;

namespace Engagement.EndToEndTests.Engine;

/// <summary>SPEC §6, once per cluster: the wake-up clock outlives its silo. It starts on a silo alone in its cluster
/// (Azure Table membership, as <c>bash scripts/cluster.sh</c> starts it); a second silo joins, the first is SIGKILLed,
/// and a quiet customer's follow-up, due seconds later on the wall clock only, still fires, on the survivor.</summary>
[Collection(EngineCollection.Name)]
public sealed class ClockFailoverTests(EngineFixture fixture, ITestOutputHelper output)
{
    // Long enough after the purchase that the purchase is applied before it falls due, so that only the clock can fire
    // the follow-up; short enough to wait for.
    private static readonly TimeSpan FollowUpAfter = TimeSpan.FromSeconds(15);

    // Orleans' default probes declare a SIGKILLed silo dead after about 15-30 s; the reminder that brings the clock back
    // on another silo ticks once a minute.
    private static readonly TimeSpan ClockBackDeadline = TimeSpan.FromMinutes(3);

    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task The_clock_comes_back_on_the_surviving_silo_after_its_own_is_killed_and_fires_a_quiet_customers_follow_up()
    {
        var settings = fixture.ClusterSettings($"clock-{_run}", partitions: 4);
        settings["Triggers:FollowUpAfter"] = FollowUpAfter.ToString("c", CultureInfo.InvariantCulture);
        settings["Schedule:Tick"] = "00:00:01";
        using var producer = new TestProducer(fixture.BootstrapServers);

        await using var first = await EngineProcess.StartAsync(settings);
        // Alone in the cluster, the first silo holds the clock: its follow-up fires there.
        await AssertFollowUpFiredByTheClockAsync(producer, settings, first, $"K1-{_run}", TimeSpan.FromMinutes(1));

        await using var second = await EngineProcess.StartAsync(settings);
        var killed = Stopwatch.StartNew();
        await first.KillAsync();
        await Eventually.MatchAsync(() => MembershipTable.InAzureTableAsync(fixture.StorageConnectionString, settings["Orleans:ClusterId"]!),
            silos => silos.GetValueOrDefault(first.SiloPort()) == "Dead", ClockBackDeadline, "the killed silo to be declared dead");
        output.WriteLine($"The killed silo was declared dead after {killed.Elapsed.TotalSeconds:0} s.");

        await AssertFollowUpFiredByTheClockAsync(producer, settings, second, $"K2-{_run}", ClockBackDeadline);
        output.WriteLine($"The clock fired on the survivor {killed.Elapsed.TotalSeconds:0} s after the kill.");
    }

    // A quiet customer: registered, then (once the silo serves them) a fund bought now, and nothing more. The follow-up
    // falls due FollowUpAfter later on the wall clock, after the purchase was applied, so only the clock can fire it.
    private static async Task AssertFollowUpFiredByTheClockAsync(TestProducer producer, Dictionary<string, string?> settings,
        EngineProcess silo, string customerId, TimeSpan deadline)
    {
        var topic = settings["Kafka:Topics:0"]!;
        var token = Tokens.Valid("service");
        await producer.SendAsync(topic, customerId, Json.Registered($"{customerId}-1", customerId, DateTimeOffset.UtcNow, "A1"));
        await AppliedAsync(silo, customerId, 1, deadline, token);

        var purchasedAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var due = purchasedAt + FollowUpAfter;
        await producer.SendAsync(topic, customerId, Json.Purchased($"{customerId}-2", customerId, purchasedAt, "FUND-1", 100m, 1.5m));
        await AppliedAsync(silo, customerId, 2, FollowUpAfter, token);
        var before = await FollowUpsAsync(silo, customerId, token);
        Assert.True(DateTimeOffset.UtcNow < due, $"{customerId}'s purchase was applied after its follow-up fell due: the event may have fired it");
        Assert.Empty(before);

        var fired = (await Eventually.MatchAsync(() => FollowUpsAsync(silo, customerId, token), f => f.Count > 0, deadline,
            $"{customerId}'s follow-up"))[0];
        Assert.Equal(due, fired.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.True(fired.GetProperty("createdAt").GetDateTimeOffset() >= due);
        Assert.Equal([$"{customerId}-2"], fired.GetProperty("sourceEventIds").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("FUND-1", fired.GetProperty("facts").GetProperty("productId").GetString());
        Assert.Single(await FollowUpsAsync(silo, customerId, token));
    }

    private static Task AppliedAsync(EngineProcess silo, string customerId, int events, TimeSpan deadline, string token) =>
        Eventually.MatchAsync(() => silo.Http.GetJsonAsync($"/api/customers/{customerId}", token),
            c => c is { } view && view.GetProperty("eventsApplied").GetInt64() == events, deadline, $"{customerId} to apply {events} events");

    private static async Task<List<JsonElement>> FollowUpsAsync(EngineProcess silo, string customerId, string token) =>
        (await silo.Http.GetJsonAsync($"/api/customers/{customerId}/triggers", token))?.EnumerateArray()
            .Where(t => t.GetProperty("type").GetString() == "investment.follow_up").ToList() ?? [];
}
