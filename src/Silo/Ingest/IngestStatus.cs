using Confluent.Kafka;
using Engagement.Telemetry;

namespace Engagement.Silo.Ingest;

/// <summary>Whether ingest is consuming, and where it stands on each partition it holds: the one source of the
/// readiness check, the lag and commit-point gauges and the health detail.</summary>
/// <remarks>Written by the consumer loop's thread, read by scrapes and probes.</remarks>
public sealed class IngestStatus(TimeProvider clock) : IIngestProgress
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<TopicPartition, Progress> _partitions = [];
    private volatile bool _consuming;

    /// <summary>True once the consumer has joined its group and holds an assignment.</summary>
    public bool Consuming => _consuming;

    /// <summary>Notes partitions assigned to this consumer, with the group's commit point on each where known.</summary>
    public void Assigned(IEnumerable<TopicPartitionOffset> committed)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var offset in committed)
            {
                _partitions[offset.TopicPartition] = new Progress { Committed = Known(offset.Offset), CommittedAt = now };
            }
        }
        _consuming = true;
    }

    /// <summary>Forgets partitions that went to another member.</summary>
    public void Revoked(IEnumerable<TopicPartition> partitions)
    {
        lock (_gate)
        {
            foreach (var partition in partitions)
            {
                _partitions.Remove(partition);
            }
        }
    }

    /// <summary>Notes records taken from the consumer; on a partition whose commit point is unknown (the group never
    /// committed it) the first record is where a restart would resume.</summary>
    public void Consumed(IEnumerable<TopicPartitionOffset> records)
    {
        lock (_gate)
        {
            foreach (var record in records)
            {
                if (_partitions.TryGetValue(record.TopicPartition, out var progress))
                {
                    progress.Committed ??= record.Offset.Value;
                    progress.Consumed = Math.Max(progress.Consumed ?? 0, record.Offset.Value + 1);
                }
            }
        }
    }

    /// <summary>Notes offsets the group committed; the commit point's clock restarts only when it moves forward.</summary>
    public void Committed(IEnumerable<TopicPartitionOffset> offsets)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var offset in offsets)
            {
                if (_partitions.TryGetValue(offset.TopicPartition, out var progress)
                    && Known(offset.Offset) is { } committed && committed > (progress.Committed ?? -1))
                {
                    progress.Committed = committed;
                    progress.CommittedAt = now;
                }
            }
        }
    }

    /// <summary>Notes a partition's ends as last fetched; where the group never committed, ingest starts (and a restart
    /// resumes) at the earliest offset, so that is the commit point until a record or a commit says otherwise.</summary>
    public void Ends(TopicPartition partition, WatermarkOffsets ends)
    {
        lock (_gate)
        {
            if (_partitions.TryGetValue(partition, out var progress))
            {
                progress.HighWatermark = Known(ends.High) ?? progress.HighWatermark;
                progress.Committed ??= Known(ends.Low);
            }
        }
    }

    /// <summary>Marks ingest as stopped: nothing is held.</summary>
    public void Stopped()
    {
        _consuming = false;
        lock (_gate)
        {
            _partitions.Clear();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<PartitionProgress> Partitions()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            return _partitions.Select(p => new PartitionProgress(p.Key.Topic, p.Key.Partition.Value,
                p.Value.Consumed, p.Value.HighWatermark, p.Value.Committed, p.Value.CommittedAt, now)).ToList();
        }
    }

    private static long? Known(Offset offset) => offset.IsSpecial ? null : offset.Value;

    private sealed class Progress
    {
        public long? Consumed { get; set; }
        public long? HighWatermark { get; set; }
        public long? Committed { get; set; }
        public DateTimeOffset CommittedAt { get; set; }
    }
}
