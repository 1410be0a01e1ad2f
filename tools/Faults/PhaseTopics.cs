using Engagement.Development.Kafka;
using Engagement.Silo.Kafka;

namespace Engagement.Faults;

/// <summary>A phase's own topics and consumer group on the broker, so phases and runs never see each other's records.</summary>
public sealed record PhaseTopics(string Name)
{
    private const int Partitions = 16;

    /// <summary>The input topic core banking writes to.</summary>
    public string Input => $"{Name}.in";

    /// <summary>The phase's <c>eng.triggers</c>.</summary>
    public string Triggers => $"{Name}.triggers";

    /// <summary>The phase's <c>eng.deadletter</c>.</summary>
    public string DeadLetter => $"{Name}.deadletter";

    /// <summary>Creates the topics on <paramref name="broker"/> (the embedded broker takes no CreateTopics from clients).</summary>
    public PhaseTopics Create(EmbeddedKafkaBroker broker)
    {
        // The engine's default input topics too: a setting can replace the first of them but not drop the others,
        // which the engine would otherwise ask the broker to create. They stay empty.
        broker.EnsureTopics(new KafkaOptions().TopicSpecs());
        broker.EnsureTopics([new KafkaTopicSpec(Input, Partitions), new KafkaTopicSpec(Triggers, Partitions), new KafkaTopicSpec(DeadLetter, Partitions)]);
        return this;
    }

    /// <summary>The engine settings that point it at these topics on <paramref name="bootstrapServers"/>.</summary>
    public Dictionary<string, string?> EngineSettings(string bootstrapServers) => new()
    {
        ["Kafka:BootstrapServers"] = bootstrapServers,
        ["Kafka:ClusterName"] = Name,
        ["Kafka:GroupId"] = Name,
        ["Kafka:Topics:0"] = Input,
        ["Kafka:TriggersTopic"] = Triggers,
        ["Kafka:DeadLetterTopic"] = DeadLetter,
    };
}
