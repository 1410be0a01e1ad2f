using System.Text;
using Confluent.Kafka;

namespace Engagement.EndToEndTests.Support;

/// <summary>Reads an output topic from the beginning, as an outside consumer would.</summary>
internal sealed class TopicReader : IDisposable
{
    private readonly IConsumer<byte[]?, byte[]?> _consumer;

    public TopicReader(string bootstrapServers, string topic)
    {
        _consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"reader-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            SessionTimeoutMs = 6000,
        }).Build();
        _consumer.Subscribe(topic);
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
