using System.Globalization;
using System.Text.Json;
using Engagement.Api;
using Engagement.Api.Auth;
using Engagement.EndToEndTests.Support;
using Engagement.Rules.Triggers;
using Engagement.Silo.Triggers;
using Engagement.Triggers;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.EndToEndTests.Engine;

/// <summary>Triggers fired by events over Kafka reach eng.triggers and the advisor's live stream, once per triggerId.</summary>
[Collection(EngineCollection.Name)]
public sealed class TriggerDeliveryTests(EngineFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_trigger_of_each_category_reaches_eng_triggers_and_the_advisor_stream()
    {
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"triggers-{_run}"));
        using var producer = new TestProducer(fixture.BootstrapServers);
        using var triggersTopic = new TopicReader(fixture.BootstrapServers, "eng.triggers");
        var (c, advisor, at) = ($"T-{_run}", $"A-{_run}", DateTimeOffset.UtcNow);
        await using var live = await SseClient.ConnectAsync(engine.Http, $"/api/advisors/{advisor}/triggers/stream", engine.Token(Roles.Advisor, advisor));

        await producer.SendAsync("cb.customers", c, Json.Registered($"{c}-1", c, at, advisor));
        await engine.CustomerAfterAsync(c, 1);
        await producer.SendAsync("cb.accounts", c, Json.Opened($"{c}-2", c, at, "S-1", "savings", 100_000m));
        await producer.SendAsync("cb.accounts", c, Json.Opened($"{c}-3", c, at, "TD-1", "term_deposit", 50_000m,
            DateOnly.FromDateTime(at.UtcDateTime.AddDays(5))));
        await engine.CustomerAfterAsync(c, 3);
        await producer.SendAsync("cb.transactions", c, Json.ExternalTransfer($"{c}-4", c, at.AddMinutes(1), "S-1", 60_000m, 40_000m));

        string[] expected = ["customer.onboarding", "deposit.maturing", "movement.external_transfer"];
        var published = triggersTopic.ReadUntil(r => Mine(r, c).Count() >= 3, TimeSpan.FromSeconds(30));
        var fromKafka = Mine(published, c).ToList();
        Assert.Equal(expected, fromKafka.Select(t => t.GetProperty("type").GetString()).Order());
        Assert.All(published.Where(r => Mine([r], c).Any()), r => Assert.Equal(advisor, r.Key));

        var streamed = await live.ReadUntilAsync(e => e.Count >= 3, TimeSpan.FromSeconds(30));
        Assert.Equal("text/event-stream", live.MediaType);
        Assert.All(streamed, e => Assert.Equal("trigger", e.Type));
        Assert.Equal(fromKafka.Select(Id).Order(), streamed.Select(e => Id(e.Data)).Order());

        var byType = fromKafka.ToDictionary(t => t.GetProperty("type").GetString()!);
        var maturing = byType["deposit.maturing"];
        Assert.Equal(("product", "normal", "open", advisor), Summary(maturing));
        Assert.Equal(50_000m, maturing.GetProperty("facts").GetProperty("amount").GetDecimal());
        Assert.Equal($"Term deposit TD-1 of 50,000.00 matures on {at.UtcDateTime.AddDays(5):yyyy-MM-dd}, in 5 days: offer a renewal or another product before the funds move.",
            maturing.GetProperty("explanation").GetString());
        Assert.Equal(("abnormal", "high", "open", advisor), Summary(byType["movement.external_transfer"]));
        Assert.Equal([$"{c}-4"], byType["movement.external_transfer"].GetProperty("sourceEventIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("lifecycle", "normal", "open", advisor), Summary(byType["customer.onboarding"]));
    }

    [Fact]
    public async Task A_crash_between_publish_and_clearing_the_outbox_redelivers_the_same_trigger_id()
    {
        var c = $"K-{_run}";
        var faults = new FailAfterPublishing(c, failures: 1);
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"crash-{_run}"), services: s =>
            s.AddSingleton<ITriggerPublisher>(sp => faults.Around(ActivatorUtilities.CreateInstance<KafkaTriggerPublisher>(sp))));
        using var producer = new TestProducer(fixture.BootstrapServers);
        using var triggersTopic = new TopicReader(fixture.BootstrapServers, "eng.triggers");

        await producer.SendAsync("cb.customers", c, Json.Registered($"{c}-1", c, DateTimeOffset.UtcNow, "A1"));
        await engine.CustomerAfterAsync(c, 1);

        var published = Mine(triggersTopic.ReadUntil(r => Mine(r, c).Count() >= 2, TimeSpan.FromSeconds(30)), c).ToList();
        Assert.Equal(2, published.Count);
        Assert.Single(published.Select(Id).Distinct());
        var inbox = (await engine.GetJsonAsync("/api/advisors/A1/triggers"))!.Value.EnumerateArray().Where(t => t.GetProperty("customerId").GetString() == c);
        Assert.Equal([Id(published[0])], inbox.Select(Id));
    }

    [Fact]
    public async Task An_advisors_inbox_and_metrics_survive_a_restart_and_the_live_stream_numbers_on_from_where_it_was()
    {
        var settings = fixture.EngineSettings($"inbox-{_run}");
        var (advisor, at) = ($"A-{_run}", DateTimeOffset.UtcNow);
        var customers = Enumerable.Range(1, 24).Select(i => $"I{i}-{_run}").ToList();
        Assert.True(customers.Select(AdvisorInbox.ShardOf).Distinct().Count() > 4, "the customers should span several inbox shards");
        var (stream, token) = ($"/api/advisors/{advisor}/triggers/stream", Tokens.Valid(Roles.Advisor, advisor));
        using var producer = new TestProducer(fixture.BootstrapServers);
        string inbox, metrics;
        await using (var engine = await TestEngine.StartAsync(settings))
        {
            await using var live = await SseClient.ConnectAsync(engine.Http, stream, token);
            foreach (var c in customers)
            {
                await producer.SendAsync("cb.customers", c, Json.Registered($"{c}-1", c, at, advisor));
            }
            var onboarded = await live.ReadUntilAsync(e => e.Count >= customers.Count, TimeSpan.FromSeconds(30));
            var won = Id(onboarded[0].Data);
            using var closing = await engine.SendAsync(HttpMethod.Post, $"/api/advisors/{advisor}/triggers/{won}/outcome", token,
                new { outcome = "won", amount = 1000m });
            Assert.Equal(200, (int)closing.StatusCode);
            var all = await live.ReadUntilAsync(e => e.Count > customers.Count, TimeSpan.FromSeconds(30));

            // One sequence over the whole inbox, whichever shard each customer's triggers are kept in.
            Assert.Equal(Enumerable.Range(1, customers.Count + 1).Select(i => i.ToString(CultureInfo.InvariantCulture)), all.Select(e => e.Id));
            Assert.Equal(customers.Order(StringComparer.Ordinal),
                all.Take(customers.Count).Select(e => e.Data.GetProperty("customerId").GetString()).Order(StringComparer.Ordinal));
            Assert.Equal((won, "closed"), (Id(all[^1].Data), all[^1].Data.GetProperty("status").GetString()));
            inbox = (await engine.GetJsonAsync($"/api/advisors/{advisor}/triggers", token))!.Value.GetRawText();
            metrics = (await engine.GetJsonAsync($"/api/advisors/{advisor}/metrics", token))!.Value.GetRawText();
        }

        await using var revived = await TestEngine.StartAsync(settings);
        Assert.Equal(inbox, (await revived.GetJsonAsync($"/api/advisors/{advisor}/triggers", token))!.Value.GetRawText());
        Assert.Equal(metrics, (await revived.GetJsonAsync($"/api/advisors/{advisor}/metrics", token))!.Value.GetRawText());
        Assert.Contains("\"won\":1", metrics, StringComparison.Ordinal);

        var lastSent = (customers.Count + 1).ToString(CultureInfo.InvariantCulture);
        await using var resumed = await SseClient.ConnectAsync(revived.Http, stream, token, lastEventId: lastSent);
        var c2 = customers[1];
        await producer.SendAsync("cb.accounts", c2, Json.Opened($"{c2}-2", c2, at, "S-1", "savings", 100_000m));
        await producer.SendAsync("cb.transactions", c2, Json.ExternalTransfer($"{c2}-3", c2, at.AddMinutes(1), "S-1", 60_000m, 40_000m));
        var next = Assert.Single(await resumed.ReadUntilAsync(e => e.Count >= 1, TimeSpan.FromSeconds(30)));
        Assert.Equal(("movement.external_transfer", (customers.Count + 2).ToString(CultureInfo.InvariantCulture)),
            (next.Data.GetProperty("type").GetString(), next.Id));
    }

    private static IEnumerable<JsonElement> Mine(IEnumerable<TopicReader.Record> records, string customerId) =>
        records.Select(r => JsonSerializer.Deserialize<JsonElement>(r.Value, EngineJson.Options))
            .Where(t => t.GetProperty("customerId").GetString() == customerId);

    private static string Id(JsonElement trigger) => trigger.GetProperty("triggerId").GetString()!;

    private static (string?, string?, string?, string?) Summary(JsonElement t) => (
        t.GetProperty("category").GetString(), t.GetProperty("severity").GetString(), t.GetProperty("status").GetString(), t.GetProperty("advisorId").GetString());

    /// <summary>Publishes for real, then, for the first triggers of one customer, fails as a process would that died
    /// before clearing its outbox. (A new consumer group also replays the records of the tests before.)</summary>
    private sealed class FailAfterPublishing(string customerId, int failures)
    {
        private readonly string _customerId = customerId;
        private int _left = failures;

        public ITriggerPublisher Around(ITriggerPublisher inner) => new Publisher(inner, this);

        private sealed class Publisher(ITriggerPublisher inner, FailAfterPublishing faults) : ITriggerPublisher
        {
            public async Task PublishAsync(IReadOnlyList<TracedTrigger> triggers)
            {
                await inner.PublishAsync(triggers);
                if (triggers.Any(t => t.Trigger.CustomerId == faults._customerId) && Interlocked.Decrement(ref faults._left) >= 0)
                {
                    throw new IOException("Simulated crash after publishing, before the outbox was cleared");
                }
            }
        }
    }
}
