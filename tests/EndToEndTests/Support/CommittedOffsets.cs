using Confluent.Kafka;

namespace Engagement.EndToEndTests.Support;

/// <summary>What a consumer group has committed, read without joining the group.</summary>
internal static class CommittedOffsets
{
    public static long Total(string bootstrapServers, string groupId, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(p => new TopicPartition(topic, p.PartitionId)).ToList();
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = groupId }).Build();
        return consumer.Committed(partitions, TimeSpan.FromSeconds(10)).Sum(p => Math.Max(0, p.Offset.Value));
    }

    public static long End(string bootstrapServers, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "watermarks" }).Build();
        return admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p.PartitionId), TimeSpan.FromSeconds(10)).High.Value);
    }
}
