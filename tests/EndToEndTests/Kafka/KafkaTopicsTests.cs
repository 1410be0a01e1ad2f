using Confluent.Kafka;
using Engagement.Silo.Kafka;

namespace Engagement.EndToEndTests.Kafka;

public sealed class KafkaTopicsTests
{
    [Fact]
    public async Task Ensure_creates_missing_topics_on_the_embedded_broker_once()
    {
        await using var broker = EmbeddedKafkaBroker.Start();
        KafkaTopicSpec[] topics = [new("cb.transactions"), new("eng.deadletter", 2)];

        var created = await KafkaTopics.EnsureAsync(broker.BootstrapServers, topics);
        var again = await KafkaTopics.EnsureAsync(broker.BootstrapServers, topics);

        Assert.Equal(["cb.transactions", "eng.deadletter"], created);
        Assert.Empty(again);

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
            KafkaTopics.EnsureAsync(broker.BootstrapServers, [new("cb.accounts"), new("cb.accounts", 3)]));
    }
}
