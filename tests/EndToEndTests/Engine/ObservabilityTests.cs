using System.Net;
using System.Text.Json;
using Engagement.Api.Auth;
using Engagement.EndToEndTests.Storage;
using Engagement.EndToEndTests.Support;
using Engagement.Development.Kafka;
using Engagement.Development.Storage;
using Engagement.Silo.Kafka;
using Engagement.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.EndToEndTests.Engine;

/// <summary><c>GET /metrics</c> counts exactly what a known workload did, and <c>/health/ready</c> names what is missing.</summary>
[Collection(EngineCollection.Name)]
public sealed class ObservabilityTests(EngineFixture fixture)
{
    private const int Customers = 3;
    private const int OwnTopics = 4;
    private const int PartitionsEach = 2;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Metrics_count_events_applied_dead_letters_and_triggers_fired_exactly_and_lag_drains_to_zero()
    {
        var (triggers, deadLetters) = ($"obs-tr-{_run}", $"obs-dl-{_run}");
        fixture.CreateTopics(new KafkaTopicSpec(triggers, 1), new KafkaTopicSpec(deadLetters, 1));
        var settings = fixture.EngineSettings($"obs-{_run}");
        settings["Kafka:TriggersTopic"] = triggers;
        settings["Kafka:DeadLetterTopic"] = deadLetters;
        var (engine, input) = await fixture.StartOnOwnTopicsAsync(settings, $"obs-{_run}", OwnTopics, PartitionsEach);
        await using var _ = engine;
        var before = await MetricsScrape.TakeAsync(engine.Http);
        using var producer = new TestProducer(fixture.BootstrapServers);
        using var triggerReader = new TopicReader(fixture.BootstrapServers, triggers);
        using var deadLetterReader = new TopicReader(fixture.BootstrapServers, deadLetters);

        var at = DateTimeOffset.UtcNow;
        var customers = Enumerable.Range(1, Customers).Select(i => $"M{i}-{_run}").ToList();
        foreach (var c in customers)
        {
            await producer.SendAsync(input, c, Json.Registered($"{c}-1", c, at, $"A-{_run}"));
            await producer.SendAsync(input, c, Json.Opened($"{c}-2", c, at, "S-1", "savings", 100_000m));
            await producer.SendAsync(input, c, Json.Opened($"{c}-3", c, at, "TD-1", "term_deposit", 50_000m,
                DateOnly.FromDateTime(at.UtcDateTime.AddDays(5))));
            var transfer = Json.ExternalTransfer($"{c}-4", c, at.AddMinutes(1), "S-1", 60_000m, 40_000m);
            await producer.SendAsync(input, c, transfer);
            // Exactly-once ingest skips the repeat: it is not counted.
            await producer.SendAsync(input, c, transfer);
        }
        var c1 = customers[0];
        var bad = new (string Key, string Value, string Code)[]
        {
            (c1, "{oops", "invalid_json"),
            (c1, $$"""{"eventId":"{{c1}}-b2","type":"transaction.teleported","customerId":"{{c1}}","occurredAt":"{{Json.Stamp(at)}}"}""", "unknown_type"),
            (c1, $$"""{"eventId":"{{c1}}-b3","type":"account.opened","customerId":"{{c1}}","occurredAt":"{{Json.Stamp(at)}}","accountType":"savings","balance":1}""", "missing_field"),
            (c1, $$"""{"eventId":"{{c1}}-b4","type":"account.opened","customerId":"{{c1}}","occurredAt":"{{Json.Stamp(at)}}","accountType":"savings","balance":1}""", "missing_field"),
            ("someone-else", Json.Registered($"{c1}-b5", c1, at, "A1"), "key_mismatch"),
        };
        foreach (var (key, value, _) in bad)
        {
            await producer.SendAsync(input, key, value);
        }

        foreach (var c in customers)
        {
            await engine.CustomerAfterAsync(c, 4);
        }
        var lettered = deadLetterReader.ReadUntil(read => read.Count >= bad.Length, Deadline);
        var published = triggerReader.ReadUntil(read => read.Count >= 3 * Customers, Deadline)
            .Select(r => JsonDocument.Parse(r.Value).RootElement)
            .DistinctBy(t => t.GetProperty("triggerId").GetString())
            .ToList();

        var applied = new Dictionary<string, double>
        {
            ["customer.registered"] = Customers, ["account.opened"] = 2 * Customers, ["transaction.posted"] = Customers,
        };
        var letters = bad.GroupBy(b => b.Code).ToDictionary(g => g.Key, g => (double)g.Count());
        var fired = published.GroupBy(t => t.GetProperty("type").GetString()!).ToDictionary(g => g.Key, g => (double)g.Count());
        Assert.Equal(bad.Length, lettered.Count);
        Assert.Equal(["customer.onboarding", "deposit.maturing", "movement.external_transfer"], fired.Keys.Order());
        var after = await Eventually.MatchAsync(() => MetricsScrape.TakeAsync(engine.Http),
            scrape => Matches(Delta(before, scrape, "engine_events_applied_total", "type"), applied)
                && Matches(Delta(before, scrape, "engine_dead_letters_total", "reason"), letters)
                && Matches(Delta(before, scrape, "engine_triggers_fired_total", "type"), fired)
                && scrape.Values("engine_ingest_lag").Count() == OwnTopics * PartitionsEach
                && scrape.Values("engine_ingest_lag").All(lag => lag == 0)
                // The lag counts consumed records, which drain before the next checkpoint: that is waited for too.
                && scrape.Values("engine_checkpoint_duration_seconds_count", ("result", "durable")).Sum() > 0,
            Deadline, "the scrape to count the workload, the lag to drain and a durable checkpoint to be timed");

        Assert.Equal(applied, Delta(before, after, "engine_events_applied_total", "type"));
        Assert.Equal(letters, Delta(before, after, "engine_dead_letters_total", "reason"));
        Assert.Equal(fired, Delta(before, after, "engine_triggers_fired_total", "type"));
        Assert.True(after.Values("engine_checkpoint_duration_seconds_count", ("result", "durable")).Sum() > 0, "no checkpoint was timed");
        Assert.True(after.Has("orleans_"), "Orleans' own metrics are missing");
        Assert.True(after.Has("http_server_request_duration_seconds"), "ASP.NET Core's metrics are missing");
    }

    [Fact]
    public async Task The_health_detail_shows_each_check_and_each_partitions_progress_and_live_streams_are_counted()
    {
        var settings = fixture.EngineSettings($"obs-detail-{_run}");
        var (engine, input) = await fixture.StartOnOwnTopicsAsync(settings, $"obs-detail-{_run}", OwnTopics, PartitionsEach);
        await using var _ = engine;
        using var producer = new TestProducer(fixture.BootstrapServers);
        var c = $"H-{_run}";
        await producer.SendAsync(input, c, Json.Registered($"{c}-1", c, DateTimeOffset.UtcNow, "A1"));
        await engine.CustomerAfterAsync(c, 1);

        var detail = await Eventually.MatchAsync(async () => JsonDocument.Parse(await engine.Http.GetStringAsync("/health/detail")).RootElement,
            d => Partitions(d).Sum(p => p.GetProperty("committed").GetInt64()) == 1, Deadline, "the commit point to pass the record");
        Assert.Equal("healthy", detail.GetProperty("status").GetString());
        Assert.Equal(["ingest:healthy", "kafka:healthy", "storage:healthy"],
            detail.GetProperty("checks").EnumerateArray().Select(e => $"{e.GetProperty("name").GetString()}:{e.GetProperty("status").GetString()}").Order());
        var progress = Partitions(detail).Select(p => (Topic: p.GetProperty("topic").GetString()!, Partition: p.GetProperty("partition").GetInt32(),
            Lag: p.GetProperty("lag").GetInt64(), CommitAge: p.GetProperty("commitAgeSeconds").GetDouble())).ToList();
        Assert.Equal(OwnTopics * PartitionsEach, progress.Count);
        Assert.All(progress, p => Assert.Equal((0L, 0d), (p.Lag, p.CommitAge)));
        Assert.Equal([0, 1], progress.Where(p => p.Topic == input).Select(p => p.Partition).Order());

        var streams = "engine_stream_connections";
        var idle = (await MetricsScrape.TakeAsync(engine.Http)).Values(streams).Sum();
        await using (await SseClient.ConnectAsync(engine.Http, "/api/advisors/A1/triggers/stream", engine.Token(Roles.Advisor, "A1")))
        {
            await Eventually.MatchAsync(() => MetricsScrape.TakeAsync(engine.Http), s => s.Values(streams).Sum() == idle + 1, Deadline, "the stream to be counted");
        }
        await Eventually.MatchAsync(() => MetricsScrape.TakeAsync(engine.Http), s => s.Values(streams).Sum() == idle, Deadline, "the stream to be let go");
    }

    [Fact]
    public async Task Readiness_turns_503_naming_storage_while_it_is_away_and_comes_back_by_itself()
    {
        var folder = AzuriteFixture.NewTemporaryFolder();
        var root = AzuriteProcess.FindRepositoryRoot();
        var azurite = await AzuriteProcess.StartOnFreePortAsync(root, folder);
        var port = azurite.TablePort;
        try
        {
            var settings = fixture.EngineSettings($"obs-ready-{_run}");
            settings["Storage:ConnectionString"] = azurite.ConnectionString;
            await using var engine = await TestEngine.StartAsync(settings);

            await azurite.DisposeAsync();
            var (status, problem) = await Eventually.MatchAsync(() => ReadyAsync(engine), r => r.Status == HttpStatusCode.ServiceUnavailable,
                Deadline, "readiness to notice storage is away");
            Assert.Equal("Not ready", problem.GetProperty("title").GetString());
            Assert.StartsWith("storage: ", problem.GetProperty("detail").GetString());
            Assert.Equal(["ingest:healthy", "kafka:healthy", "storage:unhealthy"],
                problem.GetProperty("checks").EnumerateArray().Select(e => $"{e.GetProperty("name").GetString()}:{e.GetProperty("status").GetString()}").Order());

            azurite = await AzuriteProcess.StartAsync(root, port, folder);
            (status, _) = await Eventually.MatchAsync(() => ReadyAsync(engine), r => r.Status == HttpStatusCode.OK,
                Deadline, "readiness to come back with storage");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(HttpStatusCode.OK, (await engine.SendAsync(HttpMethod.Get, "/health/live", null, null)).StatusCode);
        }
        finally
        {
            await azurite.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Readiness_turns_503_naming_kafka_when_the_broker_is_gone()
    {
        var broker = EmbeddedKafkaBroker.Start();
        try
        {
            broker.EnsureTopics(new KafkaOptions { Partitions = 1 }.TopicSpecs());
            var settings = fixture.EngineSettings($"obs-kafka-{_run}");
            settings["Kafka:BootstrapServers"] = broker.BootstrapServers;
            await using var engine = await TestEngine.StartAsync(settings);

            broker.Dispose();
            var (_, problem) = await Eventually.MatchAsync(() => ReadyAsync(engine), r => r.Status == HttpStatusCode.ServiceUnavailable,
                Deadline, "readiness to notice the broker is gone");
            Assert.Contains("kafka: ", problem.GetProperty("detail").GetString());
            Assert.Contains("kafka:unhealthy",
                problem.GetProperty("checks").EnumerateArray().Select(e => $"{e.GetProperty("name").GetString()}:{e.GetProperty("status").GetString()}"));
        }
        finally
        {
            broker.Dispose();
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(TestEngine engine)
    {
        using var response = await engine.SendAsync(HttpMethod.Get, "/health/ready", null, null);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private static IEnumerable<JsonElement> Partitions(JsonElement detail) =>
        detail.GetProperty("checks").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "ingest")
            .GetProperty("data").GetProperty("partitions").EnumerateArray();

    private static Dictionary<string, double> Delta(MetricsScrape before, MetricsScrape after, string name, string label)
    {
        var was = before.By(name, label);
        return after.By(name, label)
            .Select(s => (s.Key, Value: s.Value - was.GetValueOrDefault(s.Key)))
            .Where(s => s.Value != 0)
            .ToDictionary(s => s.Key, s => s.Value);
    }

    private static bool Matches(Dictionary<string, double> actual, Dictionary<string, double> expected) =>
        actual.Count == expected.Count && expected.All(e => actual.GetValueOrDefault(e.Key) == e.Value);
}
