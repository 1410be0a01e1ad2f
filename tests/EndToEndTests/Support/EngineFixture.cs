using Engagement.Development.Kafka;
using Engagement.EndToEndTests.Storage;
using Engagement.Silo.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.EndToEndTests.Support;

/// <summary>One embedded Kafka broker, with the engine's topics, and one Azurite, shared by the engine tests.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private EmbeddedKafkaBroker? _broker;

    public string BootstrapServers => _broker!.BootstrapServers;

    public string StorageConnectionString => _azurite.ConnectionString;

    /// <summary>Settings that point an engine at this fixture's broker, in consumer group <paramref name="groupId"/>, with
    /// its state in <paramref name="table"/> (a fresh table unless given, so engines never share state by accident). A
    /// customer unused for a quarter of a second is packed (10 s by default): the tests' customers are unpacked again by
    /// their next event or read, so every test runs that path too.</summary>
    public Dictionary<string, string?> EngineSettings(string groupId, string? table = null) => new()
    {
        ["Kafka:BootstrapServers"] = BootstrapServers,
        ["Kafka:GroupId"] = groupId,
        ["Storage:ConnectionString"] = StorageConnectionString,
        ["Storage:TableName"] = table ?? AzuriteFixture.NewTableName(),
        ["Checkpoints:PackIdleAfter"] = "00:00:00.25",
    };

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _broker = EmbeddedKafkaBroker.Start();
        CreateTopics([.. new KafkaOptions { Partitions = 4 }.TopicSpecs()]);
    }

    /// <summary>Creates a test's own topics on the broker (its mock cluster does not take CreateTopics requests).</summary>
    public void CreateTopics(params KafkaTopicSpec[] topics) => _broker!.EnsureTopics(topics);

    /// <summary>Starts an engine whose input topics are <paramref name="count"/> of the test's own in place of the four
    /// defaults (configuration would add to them, not replace them): an engine in a new group would otherwise read every
    /// earlier test's records. The workload goes to the first, which it answers.</summary>
    internal async Task<(TestEngine Engine, string Input)> StartOnOwnTopicsAsync(Dictionary<string, string?> settings, string prefix,
        int count, int partitionsEach, TimeProvider? clock = null)
    {
        var topics = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToArray();
        CreateTopics([.. topics.Select(t => new KafkaTopicSpec(t, partitionsEach))]);
        var engine = await TestEngine.StartAsync(settings, clock, s => s.PostConfigure<KafkaOptions>(o => o.Topics = topics));
        return (engine, topics[0]);
    }

    public async Task DisposeAsync()
    {
        _broker?.Dispose();
        await _azurite.DisposeAsync();
    }
}

/// <summary>The engine tests run one after another: each starts engines against the shared broker and Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
