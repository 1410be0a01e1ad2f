using Engagement.EndToEndTests.Support;

namespace Engagement.EndToEndTests.Engine;

/// <summary>SPEC §6, several silos: two silo processes started as <c>bash scripts/cluster.sh 2</c> starts them (own
/// ports, one consumer group, one storage account) serve the same state from either API, whether they meet in the Azure
/// Table membership or in Redis; and a SIGKILL of one loses nothing: its partitions and grains move to the other, and
/// the replay is exact.</summary>
[Collection(EngineCollection.Name)]
public sealed class ClusterTests(EngineFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task Two_silos_serve_one_state_from_either_api_and_a_sigkill_of_one_mid_stream_loses_nothing()
    {
        var traffic = new Traffic(_run, customers: 300, eventsPerCustomer: 20, seed: 11);
        var settings = fixture.ClusterSettings($"cluster-{_run}", partitions: 16);
        var topic = settings["Kafka:Topics:0"]!;

        await using var survivor = await EngineProcess.StartAsync(settings);
        await using var doomed = await EngineProcess.StartAsync(settings);
        using var producer = new TestProducer(fixture.BootstrapServers);
        var half = traffic.Records.Count / 2;
        await Task.WhenAll(traffic.Records.Take(half).Select(r => producer.SendAsync(topic, r.Key, r.Value)));
        await Eventually.MatchAsync(() => Task.FromResult(CommittedOffsets.Total(fixture.BootstrapServers, settings["Kafka:GroupId"]!, topic)),
            committed => committed >= half, TimeSpan.FromMinutes(1), "both silos to commit the first half");

        await ClusterSilos.AssertSameFromEitherAsync(survivor, doomed, traffic.CustomerIds.Take(20));

        var producing = Task.WhenAll(traffic.Records.Skip(half).Select(r => producer.SendAsync(topic, r.Key, r.Value)));
        await doomed.KillAsync();
        await producing;

        await traffic.AssertAllMatchAsync(survivor.Http);
    }

    // The membership is read from Redis itself: were the setting ignored, each silo would run alone (Localhost) and
    // no entry of either would be there.
    [Fact]
    public async Task Two_silos_meeting_in_redis_are_both_listed_there_and_serve_one_state_from_either_api()
    {
        await using var redis = await RedisServer.StartAsync();
        var traffic = new Traffic(_run, customers: 100, eventsPerCustomer: 10, seed: 12);
        var settings = fixture.ClusterSettings($"redis-{_run}", partitions: 8);
        settings["Orleans:Clustering"] = "Redis";
        settings["Orleans:RedisConnectionString"] = redis.ConnectionString;

        await using var first = await EngineProcess.StartAsync(settings);
        await using var second = await EngineProcess.StartAsync(settings);
        var bothActive = new Dictionary<int, string> { [first.SiloPort()] = "Active", [second.SiloPort()] = "Active" };
        await Eventually.MatchAsync(() => MembershipTable.InRedisAsync(redis.ConnectionString, "engagement-engine", settings["Orleans:ClusterId"]!),
            silos => silos.Count == 2 && silos.All(s => bothActive.GetValueOrDefault(s.Key) == s.Value), TimeSpan.FromSeconds(30),
            "both silos active in the Redis membership");

        using var producer = new TestProducer(fixture.BootstrapServers);
        await Task.WhenAll(traffic.Records.Select(r => producer.SendAsync(settings["Kafka:Topics:0"]!, r.Key, r.Value)));
        await traffic.AssertAllMatchAsync(first.Http);
        await ClusterSilos.AssertSameFromEitherAsync(first, second, traffic.CustomerIds);
    }
}
