using Confluent.Kafka;

namespace Engagement.Bench;

/// <summary>Reads positions on a cluster without joining any group: the watermarks of a topic's partitions, and the
/// offsets one consumer group has committed.</summary>
public sealed class KafkaProbe : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly IAdminClient _admin;
    private readonly IConsumer<Ignore, Ignore> _consumer;

    /// <summary>A probe whose <see cref="Committed"/> reads the offsets of <paramref name="groupId"/>.</summary>
    public KafkaProbe(string bootstrapServers, string groupId = "bench-probe")
    {
        _admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        // Never subscribed, so it never joins the group: it only asks for the group's committed offsets.
        _consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = groupId }).Build();
    }

    /// <summary>The low and high watermark of every partition of <paramref name="topic"/>.</summary>
    public IReadOnlyList<(TopicPartition Partition, long Low, long High)> Watermarks(string topic) =>
        _admin.GetMetadata(topic, Timeout).Topics.Single().Partitions
            .Select(p => new TopicPartition(topic, p.PartitionId))
            .Select(tp => _consumer.QueryWatermarkOffsets(tp, Timeout) is var w ? (tp, w.Low.Value, w.High.Value) : default)
            .ToList();

    /// <summary>The group's committed offset (the next offset it will read) for each partition; 0 where it has none.</summary>
    public IReadOnlyDictionary<TopicPartition, long> Committed(IEnumerable<TopicPartition> partitions) =>
        _consumer.Committed(partitions, Timeout).ToDictionary(c => c.TopicPartition, c => Math.Max(0, c.Offset.Value));

    /// <inheritdoc />
    public void Dispose()
    {
        _consumer.Dispose();
        _admin.Dispose();
    }
}
