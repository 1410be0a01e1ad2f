using Engagement.Checkpoints;
using Engagement.Customers;
using Engagement.Silo.Ingest;

namespace Engagement.EndToEndTests.Host;

/// <summary>What each customer's next batch goes after, within one run of the consumer.</summary>
public sealed class PendingMarksTests
{
    private static readonly CheckpointMark First = new("silo-a", 4, "C1", "activation-1");
    private static readonly CheckpointMark Second = new("silo-a", 5, "C1", "activation-1");

    [Fact]
    public void The_next_batch_goes_after_the_latest_answer_not_yet_durable_and_after_nothing_once_it_is()
    {
        var marks = new PendingMarks();
        marks.Restart();
        var run = marks.Run;
        Assert.Same(CheckpointMark.Durable, marks.After("C1", run));

        marks.Answered("C1", run, new ApplyAnswer([], First));
        marks.Answered("C1", run, new ApplyAnswer([], CheckpointMark.Durable));
        Assert.Equal(First, marks.After("C1", run));
        marks.Answered("C1", run, new ApplyAnswer([], Second));
        marks.Durable([First]);
        Assert.Equal(Second, marks.After("C1", run));
        marks.Durable([Second]);
        Assert.Same(CheckpointMark.Durable, marks.After("C1", run));
    }

    [Fact]
    public void A_refusal_stops_the_customer_until_the_replay_and_batches_of_before_the_replay_go_nowhere()
    {
        var marks = new PendingMarks();
        marks.Restart();
        var before = marks.Run;
        marks.Answered("C1", before, new ApplyAnswer([], First));
        marks.Answered("C2", before, ApplyAnswer.Refusal);
        Assert.Null(marks.After("C2", before));
        Assert.Equal(First, marks.After("C1", before));

        marks.Restart();
        Assert.Null(marks.After("C1", before));
        marks.Answered("C1", before, new ApplyAnswer([], Second));
        Assert.Same(CheckpointMark.Durable, marks.After("C1", marks.Run));
        Assert.Same(CheckpointMark.Durable, marks.After("C2", marks.Run));
    }
}
