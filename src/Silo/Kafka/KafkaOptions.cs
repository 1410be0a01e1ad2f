namespace Engagement.Silo.Kafka;

/// <summary>Kafka settings, bound from the <c>Kafka</c> configuration section.</summary>
public sealed class KafkaOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Kafka";

    /// <summary>The cluster's bootstrap servers; when empty the engine starts its embedded broker.</summary>
    public string? BootstrapServers { get; set; }
    /// <summary>The consumer group the engine reads in.</summary>
    public string GroupId { get; set; } = "engagement-engine";
    /// <summary>The topics read; records are routed by their <c>type</c>, whatever the topic.</summary>
    public string[] Topics { get; set; } = ["cb.customers", "cb.accounts", "cb.transactions", "md.products"];
    /// <summary>Where bad input goes.</summary>
    public string DeadLetterTopic { get; set; } = "eng.deadletter";
    /// <summary>The largest record the engine produces (librdkafka's <c>message.max.bytes</c>, its default, under a Kafka
    /// broker's default topic limit of 1,048,588); a larger dead letter goes cut down as <c>too_large</c>.</summary>
    public int MessageMaxBytes { get; set; } = 1_000_000;
    /// <summary>Where triggers go.</summary>
    public string TriggersTopic { get; set; } = "eng.triggers";
    /// <summary>Partitions of the topics the engine creates when they are missing.</summary>
    public int Partitions { get; set; } = 8;
    /// <summary>The consumer's session timeout; short in tests so a restarted consumer rejoins quickly.</summary>
    public int SessionTimeoutMs { get; set; } = 10_000;
    /// <summary>How long the broker may hold a fetch that finds no new records (librdkafka's <c>fetch.wait.max.ms</c>).</summary>
    /// <remarks>A real broker answers as soon as records arrive, so the client's 500 ms default adds no latency there;
    /// librdkafka's mock cluster holds every empty fetch for the whole wait, so the embedded broker gets
    /// <see cref="EmbeddedFetchWaitMaxMs"/>.</remarks>
    public int FetchWaitMaxMs { get; set; } = 500;
    /// <summary>The fetch wait against librdkafka's mock cluster: a record produced to an idle partition waits this long at most.</summary>
    public const int EmbeddedFetchWaitMaxMs = 5;
    /// <summary>The most records taken from the consumer's buffer into one batch.</summary>
    public int MaxBatchSize { get; set; } = 2_000;
    /// <summary>How many batches may be being applied at once; later batches of a customer wait for its earlier ones.</summary>
    public int MaxBatchesInFlight { get; set; } = 4;
    /// <summary>How many applied records may wait for a checkpoint before polling pauses (a storage outage, say).</summary>
    public int MaxRecordsAwaitingCheckpoint { get; set; } = 50_000;
    /// <summary>How many customer or product applies may run at once across all batches: enough to keep storage busy,
    /// few enough that no grain call waits long in a queue (a call that times out is retried and adds work).</summary>
    public int MaxConcurrentApplies { get; set; } = 256;
    /// <summary>The name of the cluster incarnation, part of each customer's offset watermark key.</summary>
    /// <remarks>Offsets mean nothing across clusters: the embedded broker starts empty, so it gets a fresh name each start.</remarks>
    public string ClusterName { get; set; } = "default";
    /// <summary>librdkafka settings for every client of the engine, by their librdkafka names
    /// (<c>Kafka__Client__security.protocol=SASL_SSL</c>); see <see cref="KafkaClients"/>.</summary>
    public Dictionary<string, string> Client { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The topics the engine reads and writes, as created when missing: <see cref="Partitions"/> partitions each.</summary>
    public IEnumerable<KafkaTopicSpec> TopicSpecs() =>
        Topics.Append(DeadLetterTopic).Append(TriggersTopic).Select(topic => new KafkaTopicSpec(topic, Partitions));
}
