using Confluent.Kafka;
using Engagement.Backtests;
using Engagement.Events;
using Engagement.Ingest;
using Engagement.Silo.Kafka;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Backtests;

/// <summary>Reads the input topics' retained records for a back-test: every partition from its first retained offset to
/// its high watermark of the moment the read starts, parsed as ingest parses them (bad records are skipped: ingest
/// dead-letters them), each event located as ingest locates it.</summary>
public sealed class KafkaRetainedInput(IOptions<KafkaOptions> options, EventParser parser, ILogger<KafkaRetainedInput> logger) : IRetainedInput
{
    // The broker must give something within this long, or the read stops with a clear error.
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Request = TimeSpan.FromSeconds(10);
    private const int ProgressEvery = 5_000;

    /// <inheritdoc />
    public Task<IReadOnlyList<RetainedRecord>> ReadAsync(DateTimeOffset to, Action<long, long> progress, CancellationToken cancellation) =>
        Task.Run(() => Read(to, progress, cancellation), cancellation);

    private IReadOnlyList<RetainedRecord> Read(DateTimeOffset to, Action<long, long> progress, CancellationToken cancellation)
    {
        var settings = options.Value;
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(KafkaClients.Reader(settings)).Build();
        var ends = Partitions(settings).ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(p, Request));
        var remaining = ends.Where(e => e.Value.High > e.Value.Low).Select(e => e.Key).ToHashSet();
        var total = ends.Values.Sum(w => w.High.Value - w.Low.Value);
        var order = settings.Topics.Select((topic, i) => (topic, i)).ToDictionary(t => t.topic, t => t.i, StringComparer.Ordinal);
        var records = new List<(RetainedRecord Record, int Topic, int Partition, long Offset)>();
        long read = 0;
        progress(0, total);
        consumer.Assign(remaining.Select(p => new TopicPartitionOffset(p, ends[p].Low)));
        var lastRecord = DateTimeOffset.UtcNow;
        while (remaining.Count > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null)
            {
                if (DateTimeOffset.UtcNow - lastRecord > Stall)
                {
                    throw new TimeoutException($"Kafka gave no records for {Stall.TotalSeconds:0} s with {remaining.Count} partitions unread: check Kafka:BootstrapServers and that the broker is up, then start the back-test again.");
                }
                continue;
            }
            lastRecord = DateTimeOffset.UtcNow;
            if (result.IsPartitionEOF || result.Offset >= ends[result.TopicPartition].High)
            {
                remaining.Remove(result.TopicPartition);
                continue;
            }
            if (result.Offset.Value >= ends[result.TopicPartition].High.Value - 1)
            {
                remaining.Remove(result.TopicPartition);
            }
            if (++read % ProgressEvery == 0)
            {
                progress(read, total);
            }
            if (Retained(result, settings.ClusterName, to) is { } record)
            {
                records.Add((record, order[result.Topic], result.Partition.Value, result.Offset.Value));
            }
        }
        progress(read, total);
        return records.OrderBy(r => r.Record.RecordedAt).ThenBy(r => r.Topic).ThenBy(r => r.Partition).ThenBy(r => r.Offset)
            .Select(r => r.Record).ToList();
    }

    private IEnumerable<TopicPartition> Partitions(KafkaOptions settings)
    {
        using var admin = new AdminClientBuilder(KafkaClients.Admin(settings)).Build();
        var metadata = admin.GetMetadata(Request);
        return settings.Topics.SelectMany(topic => metadata.Topics.FirstOrDefault(t => t.Topic == topic)?.Partitions
            .Select(p => new TopicPartition(topic, p.PartitionId)) ?? []).ToList();
    }

    private RetainedRecord? Retained(ConsumeResult<byte[]?, byte[]?> result, string cluster, DateTimeOffset to)
    {
        var parsed = RecordGuard.Parse(() => parser.Parse(result.Message.Key, result.Message.Value ?? []), result, logger);
        var recordedAt = RecordTime.Of(result);
        if (parsed.Customer is { } e && e.OccurredAt <= to)
        {
            var located = e with { Source = new EventSource(cluster, result.Topic, result.Partition.Value, result.Offset.Value, recordedAt) };
            return new RetainedRecord(located, null, recordedAt ?? e.OccurredAt);
        }
        return parsed.Nav is { } nav && nav.OccurredAt <= to ? new RetainedRecord(null, nav, recordedAt ?? nav.OccurredAt) : null;
    }
}
