using Confluent.Kafka;
using Engagement.Development.Kafka;
using Engagement.Silo.Kafka;
using Engagement.Simulator;

namespace Engagement.Bench;

/// <summary>The records of one run: simulated core-banking traffic, produced once into the broker before any
/// measurement, so that every measurement reads exactly the same records.</summary>
public sealed class Workload
{
    // Onboarding is one moment; the everyday traffic spreads over three business days, so NAVs move and short deposits mature.
    private static readonly TimeSpan BusinessSpan = TimeSpan.FromDays(3);

    private Workload(string bootstrapServers, IReadOnlyList<TopicPartitionOffset> ends, long navUpdates, IReadOnlyList<string> customerIds,
        IReadOnlyDictionary<string, string> advisors)
    {
        BootstrapServers = bootstrapServers;
        Ends = ends;
        NavUpdates = navUpdates;
        CustomerIds = customerIds;
        Advisors = advisors;
        Records = ends.Sum(e => e.Offset.Value);
    }

    /// <summary>The broker holding the records.</summary>
    public string BootstrapServers { get; }

    /// <summary>The end (high watermark) of every input partition.</summary>
    public IReadOnlyList<TopicPartitionOffset> Ends { get; }

    /// <summary>Every record on the input topics.</summary>
    public long Records { get; }

    /// <summary>The records that are NAV updates, applied to products rather than customers.</summary>
    public long NavUpdates { get; }

    /// <summary>The records that are customer events.</summary>
    public long CustomerEvents => Records - NavUpdates;

    /// <summary>Every simulated customer.</summary>
    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>The advisor of every customer that has one at the end of the workload, by customerId.</summary>
    public IReadOnlyDictionary<string, string> Advisors { get; }

    /// <summary>Creates the topics, produces the simulated traffic and checks that the broker kept all of it.</summary>
    public static async Task<Workload> ProduceAsync(EmbeddedKafkaBroker broker, BenchOptions options, TextWriter progress,
        CancellationToken cancellation)
    {
        var bootstrapServers = broker.BootstrapServers;
        var engine = new KafkaOptions();
        broker.EnsureTopics(CoreBankingTopics.All.Select(t => new KafkaTopicSpec(t, options.Partitions))
            .Append(new KafkaTopicSpec(TriggerLatencyProbe.Topic, options.Partitions))
            .Append(new KafkaTopicSpec(engine.DeadLetterTopic))
            .Append(new KafkaTopicSpec(engine.TriggersTopic)));

        var simulator = new CoreBankingSimulator(new SimulationOptions { Customers = options.Customers, Seed = options.Seed });
        var occurrences = (long)options.Customers * options.OccurrencesPerCustomer;
        // The three days end about now, as live traffic would: were they months old, the engine's wall-clock rules
        // (dormancy, reviews, follow-ups) would find every customer overdue and fire triggers no live feed would.
        var start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8)) - BusinessSpan;
        var plan = new SimulationPlan { Start = start, Occurrences = occurrences, Step = BusinessSpan / occurrences };
        long sent;
        AdvisorBookSink book;
        using (var kafka = new KafkaRecordSink(bootstrapServers))
        {
            book = new AdvisorBookSink(kafka);
            sent = await SimulationRunner.RunAsync(simulator, plan, book, progress, cancellation);
        }
        cancellation.ThrowIfCancellationRequested();

        using var probe = new KafkaProbe(bootstrapServers);
        var ends = new List<TopicPartitionOffset>();
        long navUpdates = 0;
        foreach (var topic in CoreBankingTopics.All)
        {
            foreach (var (partition, low, high) in probe.Watermarks(topic))
            {
                if (low > 0)
                {
                    throw new InvalidOperationException(
                        $"The embedded broker dropped the oldest {low:N0} records of {partition}: run with more --partitions.");
                }
                ends.Add(new TopicPartitionOffset(partition, high));
                navUpdates += topic == CoreBankingTopics.Products ? high : 0;
            }
        }
        var workload = new Workload(bootstrapServers, ends, navUpdates,
            Enumerable.Range(1, options.Customers).Select(CoreBankingSimulator.CustomerId).ToList(), book.Advisors);
        return workload.Records == sent
            ? workload
            : throw new InvalidOperationException($"Sent {sent:N0} records but the broker holds {workload.Records:N0}.");
    }
}
