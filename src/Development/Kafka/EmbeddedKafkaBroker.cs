using Confluent.Kafka;
using Engagement.Silo.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;

namespace Engagement.Development.Kafka;

/// <summary>
/// An in-process Kafka cluster (librdkafka's mock cluster) listening on localhost, for when no real
/// cluster is configured. It speaks the Kafka protocol, so clients use it like any broker.
/// </summary>
public sealed class EmbeddedKafkaBroker : IDisposable, IAsyncDisposable
{
    private const int TopicAlreadyExists = 36;
    private const int MaxReplicationFactor = 3;

    private static readonly KeyValuePair<string, string>[] HostSettings =
    [
        new("client.id", "engagement-embedded-kafka"),
        // Warnings and up: the host handle has no bootstrap.servers by design, and its notice about that is noise.
        new("log_level", "4"),
    ];

    private readonly Lock gate = new();
    private readonly int replicationFactor;
    private nint handle;
    private nint cluster;

    private EmbeddedKafkaBroker(nint handle, nint cluster, int brokers)
    {
        this.handle = handle;
        this.cluster = cluster;
        replicationFactor = Math.Min(brokers, MaxReplicationFactor);
        BootstrapServers = LibrdkafkaNative.GetBootstraps(cluster);
    }

    /// <summary>The comma-separated host:port list to give clients as bootstrap.servers.</summary>
    public string BootstrapServers { get; }

    /// <summary>Starts a cluster of <paramref name="brokers"/> brokers on free localhost ports.</summary>
    public static EmbeddedKafkaBroker Start(int brokers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);

        var handle = LibrdkafkaNative.CreateHostHandle(HostSettings);
        var cluster = LibrdkafkaNative.CreateMockCluster(handle, brokers);
        if (cluster == 0)
        {
            LibrdkafkaNative.DestroyHandle(handle);
            throw new InvalidOperationException("librdkafka could not start its mock cluster.");
        }

        // The mock's default 3 s initial rebalance delay holds every new group's first join; one process
        // has no other members worth waiting for.
        LibrdkafkaNative.SetGroupInitialRebalanceDelay(cluster, 0);

        return new EmbeddedKafkaBroker(handle, cluster, brokers);
    }

    /// <summary>Creates a topic; returns false, changing nothing, when a topic of that name already exists.</summary>
    /// <remarks>Create topics before any client touches them: the mock auto-creates unknown topics with 4 partitions.</remarks>
    public bool CreateTopic(string name, int partitions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);

        lock (gate)
        {
            ObjectDisposedException.ThrowIf(cluster == 0, this);
            var code = LibrdkafkaNative.CreateTopic(cluster, name, partitions, replicationFactor);
            return code switch
            {
                0 => true,
                TopicAlreadyExists => false,
                _ => throw new KafkaException((ErrorCode)code),
            };
        }
    }

    /// <summary>Creates whichever of <paramref name="topics"/> are missing; returns the names it created.</summary>
    /// <remarks>The mock cluster does not implement the CreateTopics request that <see cref="KafkaTopics"/> sends, so
    /// topics on the embedded broker are made here; the engine's own check then finds them present.</remarks>
    public IReadOnlyList<string> EnsureTopics(IEnumerable<KafkaTopicSpec> topics) =>
        KafkaTopics.Validate(topics).Where(spec => CreateTopic(spec.Name, spec.Partitions)).Select(spec => spec.Name).ToList();

    /// <summary>Stops the cluster; its topics, records and committed offsets are gone.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (cluster == 0)
            {
                return;
            }

            // The cluster lives on the handle's bookkeeping, so it goes first.
            LibrdkafkaNative.DestroyMockCluster(cluster);
            LibrdkafkaNative.DestroyHandle(handle);
            cluster = 0;
            handle = 0;
        }
    }

    /// <summary>Stops the cluster, as <see cref="Dispose"/> does.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
