using Confluent.Kafka;

namespace Engagement.Ingest;

/// <summary>Per partition, the offsets in flight: only the contiguous completed prefix may be committed.</summary>
public sealed class OffsetWatermarks
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TopicPartition, PartitionMarks> _partitions = [];

    /// <summary>Notes that the offsets are now in flight, under one lock.</summary>
    public void Track(IEnumerable<TopicPartitionOffset> offsets)
    {
        lock (_gate)
        {
            foreach (var offset in offsets)
            {
                if (!_partitions.TryGetValue(offset.TopicPartition, out var marks))
                {
                    marks = new PartitionMarks();
                    _partitions[offset.TopicPartition] = marks;
                }
                marks.InFlight.Add(offset.Offset.Value);
                marks.Highest = Math.Max(marks.Highest, offset.Offset.Value);
            }
        }
    }

    /// <summary>Notes that the offsets are durably applied, under one lock.</summary>
    public void Complete(IEnumerable<TopicPartitionOffset> offsets)
    {
        lock (_gate)
        {
            foreach (var offset in offsets)
            {
                if (_partitions.TryGetValue(offset.TopicPartition, out var marks))
                {
                    marks.InFlight.Remove(offset.Offset.Value);
                }
            }
        }
    }

    /// <summary>The next offset to commit for each partition whose committable position moved since the last call.</summary>
    public IReadOnlyList<TopicPartitionOffset> TakeCommittable()
    {
        lock (_gate)
        {
            var moved = new List<TopicPartitionOffset>();
            foreach (var (partition, marks) in _partitions)
            {
                var next = marks.InFlight.Count > 0 ? marks.InFlight.Min : marks.Highest + 1;
                if (next > marks.Committed)
                {
                    marks.Committed = next;
                    moved.Add(new TopicPartitionOffset(partition, next));
                }
            }
            return moved;
        }
    }

    /// <summary>Whether any offset of the partitions is still in flight.</summary>
    public bool AnyInFlight(IEnumerable<TopicPartition> partitions)
    {
        lock (_gate)
        {
            return partitions.Any(p => _partitions.TryGetValue(p, out var marks) && marks.InFlight.Count > 0);
        }
    }

    /// <summary>Forgets partitions that moved to another member.</summary>
    public void Forget(IEnumerable<TopicPartition> partitions)
    {
        lock (_gate)
        {
            foreach (var partition in partitions)
            {
                _partitions.Remove(partition);
            }
        }
    }

    private sealed class PartitionMarks
    {
        public SortedSet<long> InFlight { get; } = [];
        public long Highest { get; set; } = -1;
        public long Committed { get; set; } = -1;
    }
}
