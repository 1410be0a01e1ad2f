using Engagement.Configuration;
using System.Globalization;
using Engagement.Silo.Kafka;
using Microsoft.Extensions.Configuration;

namespace Engagement.Development.Kafka;

/// <summary>Starts the embedded broker, with the engine's topics, when no Kafka cluster is configured.</summary>
public static class EmbeddedKafka
{
    /// <summary>Returns the broker it started (null when a cluster is configured), after pointing the configuration
    /// at it: bootstrap servers, a fresh cluster name and the mock's short fetch wait.</summary>
    public static EmbeddedKafkaBroker? StartIfNeeded(IConfiguration configuration)
    {
        var options = ValidatedOptions.Read(configuration, KafkaOptions.Section, new KafkaOptionsValidator());
        if (!string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            return null;
        }
        var broker = EmbeddedKafkaBroker.Start();
        broker.EnsureTopics(options.TopicSpecs());
        configuration[$"{KafkaOptions.Section}:{nameof(KafkaOptions.BootstrapServers)}"] = broker.BootstrapServers;
        configuration[$"{KafkaOptions.Section}:{nameof(KafkaOptions.ClusterName)}"] = $"embedded-{Guid.NewGuid():N}";
        configuration[$"{KafkaOptions.Section}:{nameof(KafkaOptions.FetchWaitMaxMs)}"] ??=
            KafkaOptions.EmbeddedFetchWaitMaxMs.ToString(CultureInfo.InvariantCulture);
        return broker;
    }
}
