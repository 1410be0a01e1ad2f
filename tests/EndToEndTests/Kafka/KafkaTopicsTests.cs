using Confluent.Kafka;
using Engagement.Development.Kafka;
using Engagement.Silo.Kafka;

namespace Engagement.EndToEndTests.Kafka;

public sealed class KafkaTopicsTests
{
    [Fact]
    public async Task The_embedded_broker_creates_missing_topics_once_and_ensure_then_finds_them_present()
    {
        await using var broker = EmbeddedKafkaBroker.Start();
        KafkaTopicSpec[] topics = [new("cb.transactions"), new("eng.deadletter", 2)];

        var created = broker.EnsureTopics(topics);
        var again = broker.EnsureTopics(topics);
        var ensured = await KafkaTopics.EnsureAsync(Admin(broker), topics);

        Assert.Equal(["cb.transactions", "eng.deadletter"], created);
        Assert.Empty(again);
        Assert.Empty(ensured);

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        var partitions = metadata.Topics.ToDictionary(t => t.Topic, t => t.Partitions.Count);
        Assert.Equal(KafkaTopics.DefaultPartitions, partitions["cb.transactions"]);
        Assert.Equal(2, partitions["eng.deadletter"]);
    }

    [Fact]
    public async Task Ensure_rejects_a_topic_listed_twice()
    {
        await using var broker = EmbeddedKafkaBroker.Start();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            KafkaTopics.EnsureAsync(Admin(broker), [new("cb.accounts"), new("cb.accounts", 3)]));
    }

    private static AdminClientConfig Admin(EmbeddedKafkaBroker broker) => KafkaClients.Admin(new KafkaOptions { BootstrapServers = broker.BootstrapServers });
}
