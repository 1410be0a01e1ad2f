using Confluent.Kafka;

namespace Engagement.Silo.Kafka;

/// <summary>The configurations of the engine's Kafka clients: its own settings, and the operator's librdkafka settings
/// of <c>Kafka:Client</c> (SASL, TLS and the like) on every client, consumer, producer and admin alike.</summary>
public static class KafkaClients
{
    /// <summary>The settings the engine's guarantees rest on (offsets stored only behind checkpoints, an idempotent
    /// producer acknowledged by every replica) or that have a setting of their own: <c>Kafka:Client</c> may not set them.</summary>
    public static readonly IReadOnlySet<string> OwnedByTheEngine = new HashSet<string>(StringComparer.Ordinal)
    {
        "bootstrap.servers", "group.id", "enable.auto.commit", "enable.auto.offset.store", "auto.offset.reset",
        "enable.idempotence", "acks", "message.max.bytes", "fetch.wait.max.ms", "session.timeout.ms",
    };

    /// <summary>The ingest consumer's configuration.</summary>
    public static ConsumerConfig Consumer(KafkaOptions options) => WithClientSettings(options, new ConsumerConfig
    {
        BootstrapServers = options.BootstrapServers,
        GroupId = options.GroupId,
        EnableAutoCommit = true,
        AutoCommitIntervalMs = 500,
        EnableAutoOffsetStore = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        FetchWaitMaxMs = options.FetchWaitMaxMs,
        SessionTimeoutMs = options.SessionTimeoutMs,
        HeartbeatIntervalMs = Math.Max(100, options.SessionTimeoutMs / 5),
    });

    /// <summary>The configuration of a reader of retained records (a back-test): it assigns partitions itself, commits
    /// nothing and so never joins or changes the ingest group.</summary>
    public static ConsumerConfig Reader(KafkaOptions options) => WithClientSettings(options, new ConsumerConfig
    {
        BootstrapServers = options.BootstrapServers,
        GroupId = $"{options.GroupId}-reader-{Guid.NewGuid():N}",
        EnableAutoCommit = false,
        EnableAutoOffsetStore = false,
        EnablePartitionEof = true,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        FetchWaitMaxMs = options.FetchWaitMaxMs,
    });

    /// <summary>The producer's configuration: idempotent, acknowledged by every in-sync replica.</summary>
    public static ProducerConfig Producer(KafkaOptions options) => WithClientSettings(options, new ProducerConfig
    {
        BootstrapServers = options.BootstrapServers,
        EnableIdempotence = true,
        Acks = Acks.All,
        LingerMs = 2,
        MessageMaxBytes = options.MessageMaxBytes,
    });

    /// <summary>The admin client's configuration (topics at start, the health check).</summary>
    public static AdminClientConfig Admin(KafkaOptions options) =>
        WithClientSettings(options, new AdminClientConfig { BootstrapServers = options.BootstrapServers });

    private static T WithClientSettings<T>(KafkaOptions options, T config) where T : ClientConfig
    {
        foreach (var (name, value) in options.Client)
        {
            config.Set(name, value);
        }
        return config;
    }
}
