namespace Engagement.Silo.Kafka;

/// <summary>A topic that must exist, and the partitions it gets if it has to be created.</summary>
/// <param name="Name">The topic's name.</param>
/// <param name="Partitions">Partitions for a new topic; an existing topic keeps its own count.</param>
public readonly record struct KafkaTopicSpec(string Name, int Partitions = KafkaTopics.DefaultPartitions);
