using Confluent.Kafka;
using Engagement.Silo.Ingest;
using Engagement.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace Engagement.EndToEndTests.Host;

/// <summary>Ingest's progress per partition: lag is the high watermark less the position, and the commit point ages
/// only while consumed records wait behind it.</summary>
public sealed class IngestStatusTests
{
    private static readonly TopicPartition P0 = new("cb.transactions", 0);
    private static readonly TopicPartition P1 = new("cb.transactions", 1);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UnixEpoch);
    private readonly IngestStatus _status;

    public IngestStatusTests() => _status = new IngestStatus(_clock);

    [Fact]
    public void A_partition_behind_its_end_lags_by_the_difference_and_its_commit_point_ages_until_a_commit_passes_it()
    {
        _status.Assigned([new TopicPartitionOffset(P0, 10)]);
        _status.Ends(P0, new WatermarkOffsets(0, 25));
        _status.Consumed([new TopicPartitionOffset(P0, 10), new TopicPartitionOffset(P0, 11)]);
        _clock.Advance(TimeSpan.FromSeconds(7));

        Assert.Equal((12L, 13L, 10L, 7d), Summary(_status.Partitions().Single()));

        _status.Committed([new TopicPartitionOffset(P0, 12)]);
        Assert.Equal((12L, 13L, 12L, 0d), Summary(_status.Partitions().Single()));
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0d, _status.Partitions().Single().CommitAgeSeconds);
    }

    [Fact]
    public void A_commit_that_does_not_move_the_commit_point_leaves_its_age_running()
    {
        _status.Assigned([new TopicPartitionOffset(P0, 3)]);
        _status.Consumed([new TopicPartitionOffset(P0, 3), new TopicPartitionOffset(P0, 4)]);
        _clock.Advance(TimeSpan.FromSeconds(4));
        _status.Committed([new TopicPartitionOffset(P0, 3), new TopicPartitionOffset(P0, Offset.Unset)]);
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(6d, _status.Partitions().Single().CommitAgeSeconds);
    }

    [Fact]
    public void A_partition_the_group_never_committed_resumes_at_its_earliest_offset_or_its_first_record()
    {
        _status.Assigned([new TopicPartitionOffset(P0, Offset.Unset), new TopicPartitionOffset(P1, Offset.Unset)]);
        _status.Ends(P0, new WatermarkOffsets(5, 9));
        _status.Consumed([new TopicPartitionOffset(P1, 40)]);
        _status.Ends(P1, new WatermarkOffsets(Offset.Unset, 41));

        var partitions = _status.Partitions();
        Assert.Equal([(P0.Partition.Value, 5L, 4L), (P1.Partition.Value, 40L, 0L)],
            partitions.Select(p => (p.Partition, p.Committed!.Value, p.Lag!.Value)));
        Assert.True(_status.Consuming);
    }

    [Fact]
    public void Revoked_partitions_are_forgotten_and_a_stop_forgets_them_all()
    {
        _status.Assigned([new TopicPartitionOffset(P0, 1), new TopicPartitionOffset(P1, 1)]);
        _status.Revoked([P0]);
        Assert.Equal([1], _status.Partitions().Select(p => p.Partition));
        _status.Consumed([new TopicPartitionOffset(P0, 8)]);
        Assert.Equal([1], _status.Partitions().Select(p => p.Partition));

        _status.Stopped();
        Assert.Empty(_status.Partitions());
        Assert.False(_status.Consuming);
    }

    [Fact]
    public void Lag_is_unknown_until_both_ends_are_known_and_never_negative()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.Null(new PartitionProgress("t", 0, null, 9, null, at, at).Lag);
        Assert.Null(new PartitionProgress("t", 0, 4, null, 4, at, at).Lag);
        Assert.Equal(5, new PartitionProgress("t", 0, null, 9, 4, at, at).Lag);
        Assert.Equal(0, new PartitionProgress("t", 0, 12, 9, 4, at, at).Lag);
    }

    private static (long Consumed, long Lag, long Committed, double Age) Summary(PartitionProgress p) =>
        (p.Consumed!.Value, p.Lag!.Value, p.Committed!.Value, p.CommitAgeSeconds);
}
