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
    /// <summary>How many batches may be in flight at once, from poll until a checkpoint holds them; later batches of a
    /// customer wait for its earlier ones to be applied.</summary>
    public int MaxBatchesInFlight { get; set; } = 16;
    /// <summary>How many customer or product applies may run at once across all batches: enough to keep storage busy,
    /// few enough that no grain call waits long in a queue (a call that times out is retried and adds work).</summary>
    public int MaxConcurrentApplies { get; set; } = 256;
    /// <summary>The name of the cluster incarnation, part of each customer's offset watermark key.</summary>
    /// <remarks>Offsets mean nothing across clusters: the embedded broker starts empty, so it gets a fresh name each start.</remarks>
    public string ClusterName { get; set; } = "default";
}
