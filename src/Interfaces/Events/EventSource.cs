using System.Collections.Concurrent;

namespace Engagement.Events;

/// <summary>Where an event was read: the Kafka cluster incarnation, topic, partition and offset, when the record
/// entered Kafka (null when the broker gave no timestamp), and the W3C <c>traceparent</c> its apply continues (the
/// record's own, else its poll batch's span; null when neither).</summary>
[GenerateSerializer, Immutable, Alias("Engagement.EventSource")]
public sealed record EventSource(
    [property: Id(0)] string Cluster,
    [property: Id(1)] string Topic,
    [property: Id(2)] int Partition,
    [property: Id(3)] long Offset,
    [property: Id(4)] DateTimeOffset? RecordedAt = null,
    [property: Id(5)] string? TraceParent = null)
{
    // One string per partition for the whole process, not one per event and customer.
    private static readonly ConcurrentDictionary<(string Cluster, string Topic, int Partition), string> PartitionKeys = new();

    /// <summary>The key under which a customer keeps its offset watermark for this partition.</summary>
    public string PartitionKey => PartitionKeys.GetOrAdd((Cluster, Topic, Partition), k => $"{k.Cluster}/{k.Topic}/{k.Partition}");
}
