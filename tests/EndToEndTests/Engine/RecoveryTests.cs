using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Engagement.Api;
using Engagement.Development.Storage;
using Engagement.EndToEndTests.Storage;
using Engagement.EndToEndTests.Support;
using Engagement.Silo.Kafka;

namespace Engagement.EndToEndTests.Engine;

/// <summary>Restarts, crashes, storage outages and competing writers lose nothing and count nothing twice: every
/// customer's final figures equal the same events folded through the pure rules.</summary>
[Collection(EngineCollection.Name)]
public sealed class RecoveryTests(EngineFixture fixture)
{
    private const string Topic = "cb.transactions";
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_consumer_restart_mid_stream_loses_nothing_and_counts_nothing_twice()
    {
        var traffic = new Traffic(_run, customers: 100, eventsPerCustomer: 20, seed: 1);
        var settings = fixture.EngineSettings($"restart-{_run}");
        var startOffset = CommittedOffsets.End(fixture.BootstrapServers, Topic);

        var first = await TestEngine.StartAsync(settings);
        var producing = ProduceAsync(traffic);
        await WaitForCommittedAsync(settings, startOffset + traffic.Records.Count / 4);
        await first.DisposeAsync();
        await producing;

        await using var second = await TestEngine.StartAsync(settings);
        await traffic.AssertAllMatchAsync(second.Http);
    }

    [Fact]
    public async Task The_engine_killed_hard_mid_stream_of_100000_events_loses_nothing_and_counts_nothing_twice()
    {
        var traffic = new Traffic(_run, customers: 2_000, eventsPerCustomer: 50, seed: 2);
        Assert.True(traffic.Records.Count >= 100_000);
        // A topic of its own, with partitions enough that the embedded broker keeps every record until it is read.
        var topic = $"sigkill-{_run}";
        fixture.CreateTopics(new KafkaTopicSpec(topic, 16));
        var settings = fixture.EngineSettings($"sigkill-{_run}");
        settings["Kafka:Topics:0"] = topic;

        var doomed = await EngineProcess.StartAsync(settings);
        var producing = ProduceAsync(traffic, topic: topic);
        var killedAt = await WaitForCommittedAsync(settings, traffic.Records.Count / 10, topic);
        await doomed.KillAsync();
        await doomed.DisposeAsync();
        await producing;
        Assert.True(killedAt < traffic.Records.Count, "the engine was killed after it had finished");

        await using var revived = await EngineProcess.StartAsync(settings);
        await traffic.AssertAllMatchAsync(revived.Http);
    }

    [Fact]
    public async Task Storage_unreachable_for_ten_seconds_commits_nothing_past_durable_state_and_ingest_resumes_by_itself()
    {
        var folder = AzuriteFixture.NewTemporaryFolder();
        var root = AzuriteProcess.FindRepositoryRoot();
        var azurite = await AzuriteProcess.StartOnFreePortAsync(root, folder);
        var port = azurite.TablePort;
        try
        {
            var traffic = new Traffic(_run, customers: 100, eventsPerCustomer: 20, seed: 3);
            var settings = fixture.EngineSettings($"outage-{_run}");
            settings["Storage:ConnectionString"] = azurite.ConnectionString;
            var startOffset = CommittedOffsets.End(fixture.BootstrapServers, Topic);
            await using var engine = await TestEngine.StartAsync(settings);
            var half = traffic.Records.Count / 2;
            await ProduceAsync(traffic, 0, half);
            await WaitForCommittedAsync(settings, startOffset + half);

            await azurite.DisposeAsync();
            var outageStarted = DateTime.UtcNow;
            await ProduceAsync(traffic, half, traffic.Records.Count - half);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var committedEarly = CommittedOffsets.Total(fixture.BootstrapServers, settings["Kafka:GroupId"]!, Topic);
            await Task.Delay(TimeSpan.FromSeconds(10) - (DateTime.UtcNow - outageStarted));
            var committedLate = CommittedOffsets.Total(fixture.BootstrapServers, settings["Kafka:GroupId"]!, Topic);
            Assert.Equal(committedEarly, committedLate);
            Assert.True(committedLate < startOffset + traffic.Records.Count, "offsets were committed for records that could not be stored");

            azurite = await AzuriteProcess.StartAsync(root, port, folder);
            await traffic.AssertAllMatchAsync(engine.Http);
        }
        finally
        {
            await azurite.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Two_engines_writing_the_same_customers_resolve_etag_conflicts_by_re_reading_not_overwriting()
    {
        var traffic = new Traffic(_run, customers: 40, eventsPerCustomer: 25, seed: 4);
        var table = AzuriteFixture.NewTableName();
        var startOffset = CommittedOffsets.End(fixture.BootstrapServers, Topic);
        var settingsA = fixture.EngineSettings($"etag-a-{_run}", table);
        var settingsB = fixture.EngineSettings($"etag-b-{_run}", table);
        await using (var a = await TestEngine.StartAsync(settingsA))
        await using (var b = await TestEngine.StartAsync(settingsB))
        {
            await ProduceAsync(traffic);
            await WaitForCommittedAsync(settingsA, startOffset + traffic.Records.Count);
            await WaitForCommittedAsync(settingsB, startOffset + traffic.Records.Count);
        }
        // A fresh engine reads only what was stored: every event counted once, whichever engine wrote it.
        await using var reader = await TestEngine.StartAsync(fixture.EngineSettings($"etag-r-{_run}", table));
        await traffic.AssertAllMatchAsync(reader.Http);
    }

    private async Task ProduceAsync(Traffic traffic, int skip = 0, int? take = null, string topic = Topic)
    {
        using var producer = new TestProducer(fixture.BootstrapServers);
        await Task.WhenAll(traffic.Records.Skip(skip).Take(take ?? traffic.Records.Count).Select(r => producer.SendAsync(topic, r.Key, r.Value)));
    }

    private Task<long> WaitForCommittedAsync(Dictionary<string, string?> settings, long offset, string topic = Topic) =>
        Eventually.MatchAsync(() => Task.FromResult(CommittedOffsets.Total(fixture.BootstrapServers, settings["Kafka:GroupId"]!, topic)),
            committed => committed >= offset, TimeSpan.FromMinutes(3), $"the group to commit {offset}");
}
