using Engagement.Customers;

namespace Engagement.State;

/// <summary>Everything the engine keeps of one customer; bounded so a long-lived customer stays compact.</summary>
[GenerateSerializer, Alias("Engagement.CustomerState")]
public sealed class CustomerState
{
    /// <summary>Whether any event of the customer was ever applied.</summary>
    [Id(0)] public bool Exists { get; set; }
    /// <summary>Master data from <c>customer.registered</c> and <c>customer.updated</c>.</summary>
    [Id(1)] public CustomerProfile Profile { get; set; } = new();
    /// <summary>Open accounts by accountId.</summary>
    [Id(2)] public Dictionary<string, AccountState> Accounts { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Investment holdings by productId.</summary>
    [Id(3)] public Dictionary<string, HoldingState> Holdings { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Assets under management as last computed.</summary>
    [Id(4)] public decimal Aum { get; set; }
    /// <summary>The tier in force and any downgrade risk.</summary>
    [Id(5)] public TierState Tier { get; set; } = new();
    /// <summary>The points balance and its recent ledger.</summary>
    [Id(6)] public PointsState Points { get; set; } = new();
    /// <summary>The life-cycle stage and since when.</summary>
    [Id(7)] public LifecycleStage Stage { get; set; } = LifecycleStage.Growth;
    /// <summary>When the current stage began.</summary>
    [Id(8)] public DateTimeOffset? StageSince { get; set; }
    /// <summary>Daily activity and AUM figures for the rolling windows.</summary>
    [Id(9)] public ActivityState Activity { get; set; } = new();
    /// <summary>What was already applied, for exactly-once effects.</summary>
    [Id(10)] public AppliedEvents Applied { get; set; } = new();
    /// <summary>How many events were applied.</summary>
    [Id(11)] public long EventsApplied { get; set; }
    /// <summary>The latest <c>occurredAt</c> seen: the customer's event time.</summary>
    [Id(12)] public DateTimeOffset? LastEventAt { get; set; }
    /// <summary>The customer's triggers and their outbox.</summary>
    [Id(13)] public TriggerBook Triggers { get; set; } = new();
    /// <summary>The moment the schedule was last asked to wake the customer.</summary>
    [Id(14)] public DateTimeOffset? ScheduledWakeAt { get; set; }
    /// <summary>The advisor whose book lists the customer.</summary>
    [Id(15)] public string? BookedWith { get; set; }
    /// <summary>Products the customer no longer holds that still list them as a holder.</summary>
    [Id(16)] public List<string> LeftProducts { get; set; } = [];
}
