using Engagement.Checkpoints;

namespace Engagement.UnitTests.Checkpoints;

/// <summary>Which checkpoints a batch waits for, and where: this silo's here, another silo's through one of its customers.</summary>
public sealed class DurabilityPlanTests
{
    private const string Here = "here";

    [Fact]
    public void This_silos_checkpoints_are_awaited_here_each_once_and_nothing_for_changes_already_durable()
    {
        var plan = DurabilityPlan.Of([new(Here, 7, "C1", "a"), new(Here, 5, "C2", "a"), new(Here, 7, "C3", "a"), CheckpointMark.Durable], Here);

        Assert.Equal([5L, 7L], plan.Local);
        Assert.Empty(plan.Remote);
    }

    [Fact]
    public void Another_silos_checkpoints_go_to_its_customer_of_the_newest_one_and_never_count_as_this_silos()
    {
        var plan = DurabilityPlan.Of(
            [new(Here, 3, "C1", "a"), new("there", 3, "C2", "a"), new("there", 9, "C3", "a"), new("there", 4, "C4", "a"), new("yonder", 1, "C5", "a")], Here);

        Assert.Equal([3L], plan.Local);
        Assert.Equal(2, plan.Remote.Count);
        Assert.Equal(("there", "C3"), (plan.Remote[0].Checkpointer, plan.Remote[0].CustomerId));
        Assert.Equal([3L, 4L, 9L], plan.Remote[0].Checkpoints);
        Assert.Equal(("yonder", "C5"), (plan.Remote[1].Checkpointer, plan.Remote[1].CustomerId));
        Assert.Equal([1L], plan.Remote[1].Checkpoints);
    }

    [Fact]
    public void A_batch_of_dead_letters_only_waits_for_nothing()
    {
        var plan = DurabilityPlan.Of([], Here);

        Assert.Empty(plan.Local);
        Assert.Empty(plan.Remote);
    }
}
