using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using Engagement.Development.Kafka;
using Engagement.Silo.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Xunit.Abstractions;

namespace Engagement.EndToEndTests.Kafka;

public sealed class EmbeddedKafkaBrokerTests(ITestOutputHelper output)
{
    private const string Topic = "it.resume";
    private const int Partitions = 6;
    private const int Records = 1_000;
    private const int FirstBatch = 600;

    [Fact]
    public void Native_library_loads_from_the_packages_runtimes_folder()
    {
        using var broker = EmbeddedKafkaBroker.Start();

        var path = LibrdkafkaNative.LoadedLibraryPath;
        output.WriteLine($"librdkafka loaded from {path}");
        Assert.True(File.Exists(path));
        Assert.EndsWith("librdkafka.so", path, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_brokers_give_three_bootstrap_addresses()
    {
        using var broker = EmbeddedKafkaBroker.Start(brokers: 3);

        var addresses = broker.BootstrapServers.Split(',');
        Assert.Equal(3, addresses.Length);
        Assert.All(addresses, a => Assert.StartsWith("127.0.0.1:", a, StringComparison.Ordinal));
    }

    [Fact]
    public void Creating_an_existing_topic_returns_false_and_keeps_its_partitions()
    {
        using var broker = EmbeddedKafkaBroker.Start();

        Assert.True(broker.CreateTopic(Topic, Partitions));
        Assert.False(broker.CreateTopic(Topic, 2));

        Assert.Equal(Partitions, PartitionCount(broker.BootstrapServers, Topic));
    }

    [Fact]
    public void A_disposed_broker_refuses_topics_and_disposes_twice_quietly()
    {
        var broker = EmbeddedKafkaBroker.Start();
        broker.Dispose();

        Assert.Throws<ObjectDisposedException>(() => broker.CreateTopic(Topic, Partitions));
        broker.Dispose();
    }

    [Fact]
    public async Task A_second_consumer_in_the_group_resumes_from_the_committed_offsets()
    {
        await using var broker = EmbeddedKafkaBroker.Start();
        Assert.True(broker.CreateTopic(Topic, Partitions));
        Assert.Equal(Partitions, PartitionCount(broker.BootstrapServers, Topic));

        var deliveries = await ProduceAsync(broker.BootstrapServers);
        Assert.All(deliveries, d => Assert.Equal(PersistenceStatus.Persisted, d.Status));
        Assert.All(deliveries.GroupBy(d => d.Message.Key), byKey => Assert.Single(byKey.Select(d => d.Partition).Distinct()));
        var produced = deliveries.GroupBy(d => d.Partition.Value).ToDictionary(g => g.Key, g => g.Count());
        // Idempotent delivery: each partition's log is exactly its records, gap-free and without duplicates.
        Assert.All(deliveries.GroupBy(d => d.Partition.Value), p =>
            Assert.Equal(Enumerable.Range(0, p.Count()).Select(o => (long)o), p.Select(d => d.Offset.Value).Order()));
        Assert.Equal(Records, produced.Values.Sum());

        var partitions = Enumerable.Range(0, Partitions).Select(p => new TopicPartition(Topic, p)).ToList();
        var group = $"it-group-{Guid.NewGuid():N}";

        List<ConsumeResult<string, string>> first;
        Dictionary<int, long> committed;
        using (var consumer = BuildConsumer(broker.BootstrapServers, group, "first"))
        {
            consumer.Subscribe(Topic);
            first = ConsumeExactly(consumer, FirstBatch);

            var offsets = first
                .GroupBy(r => r.TopicPartition)
                .Select(g => new TopicPartitionOffset(g.Key, g.Max(r => r.Offset.Value) + 1))
                .ToList();
            consumer.Commit(offsets);

            committed = consumer.Committed(partitions, TimeSpan.FromSeconds(10))
                .ToDictionary(tpo => tpo.Partition.Value, tpo => tpo.Offset == Offset.Unset ? 0 : tpo.Offset.Value);
            Assert.Equal(FirstBatch, committed.Values.Sum());

            Assert.All(partitions, tp => Assert.Equal(
                produced.GetValueOrDefault(tp.Partition.Value),
                consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).High.Value));

            consumer.Close();
        }

        using (var consumer = BuildConsumer(broker.BootstrapServers, group, "second"))
        {
            consumer.Subscribe(Topic);
            var second = ConsumeExactly(consumer, Records - FirstBatch);

            // Each partition picks up exactly at its committed offset and reads to the end of its log.
            Assert.All(second.GroupBy(r => r.Partition.Value), p => Assert.Equal(committed[p.Key], p.Min(r => r.Offset.Value)));
            Assert.All(partitions, tp => Assert.Equal(
                produced.GetValueOrDefault(tp.Partition.Value) - committed[tp.Partition.Value],
                second.Count(r => r.Partition == tp.Partition)));

            var values = first.Concat(second).Select(r => int.Parse(r.Message.Value, CultureInfo.InvariantCulture)).Order();
            Assert.Equal(Enumerable.Range(0, Records), values);

            consumer.Close();
        }
    }

    private static async Task<DeliveryResult<string, string>[]> ProduceAsync(string bootstrapServers)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
        };
        using var producer = new ProducerBuilder<string, string>(config).Build();
        var sends = Enumerable.Range(0, Records).Select(i => producer.ProduceAsync(Topic, new Message<string, string>
        {
            Key = $"customer-{i % 97:D3}",
            Value = i.ToString(CultureInfo.InvariantCulture),
        }));
        return await Task.WhenAll(sends);
    }

    private IConsumer<string, string> BuildConsumer(string bootstrapServers, string group, string name)
    {
        var clock = Stopwatch.StartNew();
        return new ConsumerBuilder<string, string>(TestConsumerConfig(bootstrapServers, group))
            .SetPartitionsAssignedHandler((_, assigned) =>
                output.WriteLine($"{name} consumer joined after {clock.ElapsedMilliseconds} ms with {assigned.Count} partitions"))
            .Build();
    }

    private static ConsumerConfig TestConsumerConfig(string bootstrapServers, string group) => new()
    {
        BootstrapServers = bootstrapServers,
        GroupId = group,
        EnableAutoCommit = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        SessionTimeoutMs = 6_000,
        HeartbeatIntervalMs = 1_000,
    };

    private static List<ConsumeResult<string, string>> ConsumeExactly(IConsumer<string, string> consumer, int count)
    {
        var results = new List<ConsumeResult<string, string>>(count);
        var clock = Stopwatch.StartNew();
        while (results.Count < count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Consumed {results.Count} of {count} records before the deadline.");
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }

    private static int PartitionCount(string bootstrapServers, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
        var described = Assert.Single(metadata.Topics);
        Assert.Equal(ErrorCode.NoError, described.Error.Code);
        return described.Partitions.Count;
    }
}
