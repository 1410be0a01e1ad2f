using Engagement.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Kafka;

/// <summary>Checks the <c>Kafka</c> section: counts and sizes within what the engine and librdkafka accept, the topics
/// named, and no output topic read back as input.</summary>
public sealed class KafkaOptionsValidator : IValidateOptions<KafkaOptions>
{
    // The dead-letter publisher cuts a record down to no less than this: a smaller limit could send nothing.
    private const int SmallestMessageMaxBytes = 4_096;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, KafkaOptions options)
    {
        var outputs = new[] { options.DeadLetterTopic, options.TriggersTopic };
        return new SettingChecks(KafkaOptions.Section)
            .AtLeast(nameof(options.Partitions), options.Partitions, 1)
            .AtLeast(nameof(options.MaxBatchSize), options.MaxBatchSize, 1)
            .AtLeast(nameof(options.MaxBatchesInFlight), options.MaxBatchesInFlight, 1)
            .AtLeast(nameof(options.MaxRecordsAwaitingCheckpoint), options.MaxRecordsAwaitingCheckpoint, 1)
            .AtLeast(nameof(options.MaxConcurrentApplies), options.MaxConcurrentApplies, 1)
            .Within(nameof(options.MessageMaxBytes), options.MessageMaxBytes, SmallestMessageMaxBytes, 1_000_000_000)
            .Within(nameof(options.SessionTimeoutMs), options.SessionTimeoutMs, 1, 3_600_000)
            .Within(nameof(options.FetchWaitMaxMs), options.FetchWaitMaxMs, 0, 300_000)
            .Required(nameof(options.GroupId), options.GroupId)
            .Required(nameof(options.ClusterName), options.ClusterName)
            .Required(nameof(options.DeadLetterTopic), options.DeadLetterTopic)
            .Required(nameof(options.TriggersTopic), options.TriggersTopic)
            .That(options.Topics.Length > 0 && options.Topics.All(t => !string.IsNullOrWhiteSpace(t)), nameof(options.Topics),
                "must name at least one topic, none blank")
            .That(!options.Topics.Intersect(outputs, StringComparer.Ordinal).Any(), nameof(options.Topics),
                $"must not include the engine's own output topics ({string.Join(", ", outputs)})")
            .That(!options.Client.Keys.Any(KafkaClients.OwnedByTheEngine.Contains), nameof(options.Client),
                $"must not set {string.Join(", ", options.Client.Keys.Where(KafkaClients.OwnedByTheEngine.Contains).Order(StringComparer.Ordinal))}: " +
                "the engine sets them itself (Kafka:BootstrapServers, Kafka:GroupId and the other Kafka settings)")
            .Result();
    }
}
