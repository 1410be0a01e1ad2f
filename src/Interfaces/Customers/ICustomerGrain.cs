using Engagement.Checkpoints;
using Engagement.Events;
using Engagement.Products;
using Engagement.Triggers;

namespace Engagement.Customers;

/// <summary>One customer's live state: the single writer of everything the engine knows of them.</summary>
[Alias("Engagement.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch of the customer's events in order, in memory, and answers at once; repeats change nothing.
    /// <paramref name="after"/> is the answer to the customer's previous batch while it is not known durable: an
    /// activation that did not give it and does not see it durable refuses the batch, since applying later events over
    /// lost ones would make the offset watermark take the lost ones, replayed, for repeats.</summary>
    /// <returns>The events that are invalid for the customer's state, for the dead-letter topic, and the checkpoint on
    /// the customer's silo that makes the batch durable; or <see cref="ApplyAnswer.Refusal"/>.</returns>
    [Alias("Apply")]
    Task<ApplyAnswer> ApplyAsync(IReadOnlyList<CustomerEvent> events, CheckpointMark after);

    /// <summary>Revalues a holding with a product's new net asset value; answers the checkpoint that makes it durable.</summary>
    [Alias("ApplyNav")]
    Task<CheckpointMark> ApplyNavAsync(ProductNav nav);

    /// <summary>Answers once <paramref name="checkpoints"/> of <paramref name="checkpointer"/> are durable: true; false
    /// when they are not known to be (this activation's silo has another checkpointer, so the one that numbered them is
    /// gone, or one of them lost a state). Ingest asks this of a customer on another silo before committing past it.</summary>
    [Alias("WhenDurable")]
    Task<bool> WhenDurableAsync(string checkpointer, IReadOnlyList<long> checkpoints);

    /// <summary>Whether the customer exists and their current advisor.</summary>
    [Alias("GetAccess")]
    Task<CustomerAccess> GetAccessAsync();

    /// <summary>The customer's current state, or null when the customer was never seen.</summary>
    [Alias("GetView")]
    Task<CustomerView?> GetViewAsync();

    /// <summary>The customer's triggers (open ones and the newest closed ones), newest first, or null when never seen.</summary>
    [Alias("GetTriggers")]
    Task<IReadOnlyList<Trigger>?> GetTriggersAsync();

    /// <summary>Records an advisor's outcome on one of the customer's triggers, durably before it answers; null when it
    /// is unknown or no longer open.</summary>
    [Alias("RecordOutcome")]
    Task<Trigger?> RecordOutcomeAsync(string triggerId, TriggerOutcome outcome);

    /// <summary>Runs the clock-driven rules now and returns once what they changed is durable: the schedule calls it
    /// when something falls due.</summary>
    [Alias("Wake")]
    Task WakeAsync();

    /// <summary>Spends points unless the balance is short, durably before it answers; the same redemptionId again
    /// answers as the first time. Null when the customer was never seen.</summary>
    [Alias("Redeem")]
    Task<RedemptionResult?> RedeemAsync(Redemption redemption);

    /// <summary>The points balance and the newest <paramref name="limit"/> ledger entries, or null when never seen.</summary>
    [Alias("GetPoints")]
    Task<PointsView?> GetPointsAsync(int limit);
}
