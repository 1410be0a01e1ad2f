using Confluent.Kafka;
using Confluent.Kafka.Admin;
using ErrorCode = Confluent.Kafka.ErrorCode;

namespace Engagement.Silo.Kafka;

/// <summary>Makes sure the engine's topics exist on its Kafka cluster.</summary>
public static class KafkaTopics
{
    /// <summary>Partitions a new topic gets unless the caller says otherwise.</summary>
    /// <remarks>Partitions bound the ingest's parallelism, and growing a topic later remaps keys to partitions.</remarks>
    public const int DefaultPartitions = 8;

    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CreateTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Creates whichever of <paramref name="topics"/> are missing, connecting with <paramref name="config"/>
    /// (which carries a real cluster's security settings); returns the names it created.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EnsureAsync(
        ClientConfig config, IEnumerable<KafkaTopicSpec> topics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(config.BootstrapServers);
        var specs = Validate(topics);
        if (specs.Count == 0)
        {
            return [];
        }

        using var admin = new AdminClientBuilder(config).Build();
        // Only missing topics are created: a cluster whose operators created them needs no CreateTopics permission.
        var existing = admin.GetMetadata(MetadataTimeout).Topics
            .Where(t => t.Error.Code == ErrorCode.NoError).Select(t => t.Topic).ToHashSet(StringComparer.Ordinal);
        var missing = specs.Where(s => !existing.Contains(s.Name)).ToList();
        if (missing.Count == 0)
        {
            return [];
        }
        try
        {
            // Replication factor -1 takes the cluster's default.replication.factor, which the operators own.
            await admin.CreateTopicsAsync(missing.Select(s => new TopicSpecification { Name = s.Name, NumPartitions = s.Partitions }),
                    new CreateTopicsOptions { RequestTimeout = CreateTimeout, OperationTimeout = CreateTimeout })
                .WaitAsync(cancellationToken);
            return missing.Select(s => s.Name).ToList();
        }
        catch (CreateTopicsException e)
            when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            return e.Results.Where(r => r.Error.Code == ErrorCode.NoError).Select(r => r.Topic).ToList();
        }
    }

    /// <summary>The specs as a list, after checking each has a name and a partition, and no name comes twice.</summary>
    public static List<KafkaTopicSpec> Validate(IEnumerable<KafkaTopicSpec> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var specs = topics.ToList();
        foreach (var spec in specs)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(spec.Name, nameof(topics));
            ArgumentOutOfRangeException.ThrowIfLessThan(spec.Partitions, 1, nameof(topics));
        }

        if (specs.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != specs.Count)
        {
            throw new ArgumentException("A topic is listed more than once.", nameof(topics));
        }

        return specs;
    }
}
