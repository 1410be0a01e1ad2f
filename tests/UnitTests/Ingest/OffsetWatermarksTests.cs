using Confluent.Kafka;
using Engagement.Ingest;

namespace Engagement.UnitTests.Ingest;

public sealed class OffsetWatermarksTests
{
    private static readonly TopicPartition P0 = new("cb.transactions", 0);
    private static readonly TopicPartition P1 = new("cb.transactions", 1);

    private readonly OffsetWatermarks _marks = new();

    // Positions as plain values: what ingest passes to StoreOffset, partition by partition.
    private (string, int, long)[] Take() =>
        [.. _marks.TakeCommittable().Select(o => (o.Topic, o.Partition.Value, o.Offset.Value)).Order()];

    private void Track(TopicPartition partition, params long[] offsets) =>
        _marks.Track(offsets.Select(offset => new TopicPartitionOffset(partition, offset)));

    private void Complete(TopicPartition partition, params long[] offsets) =>
        _marks.Complete(offsets.Select(offset => new TopicPartitionOffset(partition, offset)));

    [Fact]
    public void Only_the_contiguous_completed_prefix_is_committable()
    {
        Track(P0, 0, 1, 2, 3, 4);
        Complete(P0, 0, 1, 3);

        Assert.Equal([("cb.transactions", 0, 2L)], Take());

        Complete(P0, 2);
        Assert.Equal([("cb.transactions", 0, 4L)], Take());

        Complete(P0, 4);
        Assert.Equal([("cb.transactions", 0, 5L)], Take());
    }

    [Fact]
    public void Out_of_order_completion_moves_the_position_only_when_the_lowest_offset_completes()
    {
        Track(P0, 10, 11, 12);
        Assert.Equal([("cb.transactions", 0, 10L)], Take());

        Complete(P0, 12, 11);
        Assert.Empty(Take());

        Complete(P0, 10);
        Assert.Equal([("cb.transactions", 0, 13L)], Take());
    }

    [Fact]
    public void A_later_batch_finishing_first_is_held_at_the_lowest_offset_in_flight()
    {
        Track(P0, 0, 1);
        Track(P0, 2, 3);
        Complete(P0, 2, 3);

        Assert.Equal([("cb.transactions", 0, 0L)], Take());

        Track(P0, 4);
        Complete(P0, 4);
        Assert.Empty(Take());

        Complete(P0, 1);
        Assert.Empty(Take());

        Complete(P0, 0);
        Assert.Equal([("cb.transactions", 0, 5L)], Take());
    }

    [Fact]
    public void Take_committable_returns_only_the_partitions_that_moved_since_the_last_call()
    {
        Track(P0, 0, 1);
        Track(P1, 0, 1);
        Complete(P0, 0);
        Complete(P1, 0, 1);
        Assert.Equal([("cb.transactions", 0, 1L), ("cb.transactions", 1, 2L)], Take());
        Assert.Empty(Take());

        Complete(P0, 1);
        Assert.Equal([("cb.transactions", 0, 2L)], Take());
        Assert.Empty(Take());
    }

    [Fact]
    public void Any_in_flight_looks_only_at_the_partitions_asked_about()
    {
        Assert.False(_marks.AnyInFlight([P0, P1]));

        Track(P0, 7, 8);
        Assert.True(_marks.AnyInFlight([P0]));
        Assert.True(_marks.AnyInFlight([P0, P1]));
        Assert.False(_marks.AnyInFlight([P1]));

        Complete(P0, 8);
        Assert.True(_marks.AnyInFlight([P0]));

        Complete(P0, 7);
        Assert.False(_marks.AnyInFlight([P0, P1]));
    }

    [Fact]
    public void A_forgotten_partition_is_no_longer_committed_and_starts_afresh_when_it_comes_back()
    {
        Track(P0, 5, 6);
        Track(P1, 0);
        Complete(P0, 5);
        _marks.Forget([P0]);

        Assert.False(_marks.AnyInFlight([P0]));
        Assert.Equal([("cb.transactions", 1, 0L)], Take());

        // What the revoked member still had in flight finishes after the partition left: it must not reappear.
        Complete(P0, 6);
        Assert.Empty(Take());

        // Reassigned, the partition replays from its last commit, below where it was before.
        Track(P0, 3);
        Assert.Equal([("cb.transactions", 0, 3L)], Take());
        Complete(P0, 3);
        Assert.Equal([("cb.transactions", 0, 4L)], Take());
    }
}
