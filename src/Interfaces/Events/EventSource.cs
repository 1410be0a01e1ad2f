namespace Engagement.Events;

/// <summary>Where an event was read: the Kafka cluster incarnation, topic, partition and offset.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.EventSource")]
public sealed record EventSource(
    [property: Id(0)] string Cluster,
    [property: Id(1)] string Topic,
    [property: Id(2)] int Partition,
    [property: Id(3)] long Offset)
{
    /// <summary>The key under which a customer keeps its offset watermark for this partition.</summary>
    public string PartitionKey => $"{Cluster}/{Topic}/{Partition}";
}
