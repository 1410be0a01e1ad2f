namespace Engagement.Checkpoints;

/// <summary>How often changed states are made durable, bound from the <c>Checkpoints</c> configuration section.</summary>
public sealed class CheckpointOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Checkpoints";

    /// <summary>The time between checkpoints: the longest a change waits to be written, and about how far the committed
    /// input offsets trail what is applied.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait before a failed checkpoint is tried again (it backs off from the interval up to this).</summary>
    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a customer goes unused before its activation holds its state as a compressed snapshot rather
    /// than as objects; the next event or read unpacks it. Zero never packs.</summary>
    public TimeSpan PackIdleAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many deliveries of effects of one kind (to advisors, to wake-up buckets, to products, to the ledger
    /// archive) may be under way at once: a cold start with a backlog would otherwise activate every advisor at once, each
    /// reading its shards, and queue more reads on storage than it serves within a grain call's timeout.</summary>
    public int MaxDeliveriesInFlight { get; set; } = 64;
}
