using Engagement.Silo.Kafka;

namespace Engagement.EndToEndTests.Support;

/// <summary>One embedded Kafka broker, with the engine's topics, shared by the engine tests.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private EmbeddedKafkaBroker? _broker;

    public string BootstrapServers => _broker!.BootstrapServers;

    /// <summary>Settings that point an engine at this fixture's broker, in consumer group <paramref name="groupId"/>.</summary>
    public Dictionary<string, string?> EngineSettings(string groupId) => new()
    {
        ["Kafka:BootstrapServers"] = BootstrapServers,
        ["Kafka:GroupId"] = groupId,
    };

    public async Task InitializeAsync()
    {
        _broker = EmbeddedKafkaBroker.Start();
        var options = new KafkaOptions();
        await KafkaTopics.EnsureAsync(_broker.BootstrapServers,
            options.Topics.Append(options.DeadLetterTopic).Append(options.TriggersTopic).Select(t => new KafkaTopicSpec(t, 4)));
    }

    public Task DisposeAsync()
    {
        _broker?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The engine tests run one after another: each starts engines against the shared broker.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
