using Engagement.EndToEndTests.Support;
using Engagement.Silo.Kafka;

namespace Engagement.EndToEndTests.Engine;

/// <summary>SPEC §6, several silos: two silo processes started as <c>bash scripts/cluster.sh 2</c> starts them (Azure
/// Table membership, own ports, one consumer group, one storage account) serve the same state from either API, and a
/// SIGKILL of one loses nothing: its partitions and grains move to the other, and the replay is exact.</summary>
[Collection(EngineCollection.Name)]
public sealed class ClusterTests(EngineFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task Two_silos_serve_one_state_from_either_api_and_a_sigkill_of_one_mid_stream_loses_nothing()
    {
        var traffic = new Traffic(_run, customers: 300, eventsPerCustomer: 20, seed: 11);
        var topic = $"cluster-{_run}";
        fixture.CreateTopics(new KafkaTopicSpec(topic, 16));
        var settings = fixture.EngineSettings($"cluster-{_run}");
        settings["Kafka:Topics:0"] = topic;
        settings["Orleans:Clustering"] = "AzureTable";
        settings["Orleans:ClusterId"] = $"cluster-{_run}";
        settings["Orleans:AdvertisedAddress"] = "127.0.0.1";

        await using var survivor = await EngineProcess.StartAsync(settings);
        await using var doomed = await EngineProcess.StartAsync(settings);
        using var producer = new TestProducer(fixture.BootstrapServers);
        var half = traffic.Records.Count / 2;
        await Task.WhenAll(traffic.Records.Take(half).Select(r => producer.SendAsync(topic, r.Key, r.Value)));
        await Eventually.MatchAsync(() => Task.FromResult(CommittedOffsets.Total(fixture.BootstrapServers, settings["Kafka:GroupId"]!, topic)),
            committed => committed >= half, TimeSpan.FromMinutes(1), "both silos to commit the first half");

        var token = Tokens.Valid("service");
        foreach (var customerId in traffic.CustomerIds.Take(20))
        {
            var here = (await survivor.Http.GetJsonAsync($"/api/customers/{customerId}", token))!.Value.GetRawText();
            var there = (await doomed.Http.GetJsonAsync($"/api/customers/{customerId}", token))!.Value.GetRawText();
            Assert.Equal(here, there);
        }

        var producing = Task.WhenAll(traffic.Records.Skip(half).Select(r => producer.SendAsync(topic, r.Key, r.Value)));
        await doomed.KillAsync();
        await producing;

        await traffic.AssertAllMatchAsync(survivor.Http);
    }
}
