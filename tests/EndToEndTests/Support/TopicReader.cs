using System.Text;
using Confluent.Kafka;

namespace Engagement.EndToEndTests.Support;

/// <summary>Reads an output topic from the beginning (or, with <c>fromNow</c>, from its end at creation), as an outside
/// consumer would.</summary>
internal sealed class TopicReader : IDisposable
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    private readonly IConsumer<byte[]?, byte[]?> _consumer;

    public TopicReader(string bootstrapServers, string topic, bool fromNow = false)
    {
        _consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"reader-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            SessionTimeoutMs = 6000,
        }).Build();
        if (!fromNow)
        {
            _consumer.Subscribe(topic);
            return;
        }
        // After a whole suite the topic holds every earlier test's records: start past them.
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, MetadataTimeout).Topics.Single().Partitions.Select(p => new TopicPartition(topic, p.PartitionId));
        _consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, _consumer.QueryWatermarkOffsets(p, MetadataTimeout).High)));
    }

    public sealed record Record(string? Key, string Value, IReadOnlyDictionary<string, string> Headers, byte[] ValueBytes);

    /// <summary>Reads until <paramref name="enough"/> holds for what was read, or the deadline passes.</summary>
    public List<Record> ReadUntil(Func<List<Record>, bool> enough, TimeSpan timeout)
    {
        var read = new List<Record>();
        var deadline = DateTime.UtcNow + timeout;
        while (!enough(read))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Read {read.Count} records in {timeout.TotalSeconds:0} s without reaching the expected set");
            }
            if (_consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result)
            {
                read.Add(new Record(
                    result.Message.Key is { } k ? Encoding.UTF8.GetString(k) : null,
                    Encoding.UTF8.GetString(result.Message.Value ?? []),
                    // A dead letter carries the source record's own headers before the engine's: the last of a name counts.
                    result.Message.Headers.GroupBy(h => h.Key).ToDictionary(g => g.Key, g => Encoding.UTF8.GetString(g.Last().GetValueBytes())),
                    result.Message.Value ?? []));
            }
        }
        return read;
    }

    public void Dispose()
    {
        _consumer.Close();
        _consumer.Dispose();
    }
}
