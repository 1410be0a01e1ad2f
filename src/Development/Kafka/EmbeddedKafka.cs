using System.Globalization;
using Engagement.Silo.Kafka;

namespace Engagement.Silo.Hosting;

/// <summary>Points the engine at a configured Kafka cluster, or starts the embedded broker when none is configured,
/// and makes sure the topics exist.</summary>
public static class EmbeddedKafka
{
    /// <summary>Returns the embedded broker it started (null for a configured cluster), after filling in the
    /// bootstrap servers and cluster name the rest of the engine reads.</summary>
    public static async Task<EmbeddedKafkaBroker?> StartIfNeededAsync(IConfiguration configuration)
    {
        var options = configuration.GetSection(KafkaOptions.Section).Get<KafkaOptions>() ?? new KafkaOptions();
        EmbeddedKafkaBroker? broker = null;
        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            broker = EmbeddedKafkaBroker.Start();
            configuration[$"{KafkaOptions.Section}:{nameof(KafkaOptions.BootstrapServers)}"] = broker.BootstrapServers;
            configuration[$"{KafkaOptions.Section}:{nameof(KafkaOptions.ClusterName)}"] = $"embedded-{Guid.NewGuid():N}";
            configuration[$"{KafkaOptions.Section}:{nameof(KafkaOptions.FetchWaitMaxMs)}"] ??=
                KafkaOptions.EmbeddedFetchWaitMaxMs.ToString(CultureInfo.InvariantCulture);
        }
        var servers = configuration[$"{KafkaOptions.Section}:{nameof(KafkaOptions.BootstrapServers)}"]!;
        await KafkaTopics.EnsureAsync(servers,
            options.Topics.Append(options.DeadLetterTopic).Append(options.TriggersTopic)
                .Select(topic => new KafkaTopicSpec(topic, options.Partitions)));
        return broker;
    }
}
