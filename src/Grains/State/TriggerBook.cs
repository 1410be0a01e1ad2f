using Engagement.Triggers;

namespace Engagement.State;

/// <summary>A customer's triggers, what is still to be delivered, and what the clock-driven rules remember.</summary>
[GenerateSerializer, Alias("Engagement.TriggerBook")]
public sealed class TriggerBook
{
    /// <summary>The open triggers and the newest closed ones, oldest first.</summary>
    [Id(0)] public List<Trigger> Triggers { get; set; } = [];
    /// <summary>When each type and subject last fired (<c>type|subject</c>), for cooldowns.</summary>
    [Id(1)] public Dictionary<string, DateTimeOffset> LastFired { get; set; } = new(StringComparer.Ordinal);
    /// <summary>New or changed triggers not yet taken by their advisor: checkpointed with the state, posted after each
    /// turn and again after activation.</summary>
    [Id(2)] public List<Trigger> Outbox { get; set; } = [];
    /// <summary>The last recorded contact with the customer.</summary>
    [Id(3)] public DateTimeOffset? LastContactAt { get; set; }
    /// <summary>The day the customer was registered: anniversaries before it never fire.</summary>
    [Id(4)] public DateOnly? RegisteredOn { get; set; }
    /// <summary>Payments announced by <c>payment.due</c> whose reminder has not fired yet.</summary>
    [Id(5)] public List<PaymentReminder> Payments { get; set; } = [];
    /// <summary>Purchases whose after-sales call has not fired yet.</summary>
    [Id(6)] public List<FollowUpReminder> FollowUps { get; set; } = [];
    /// <summary>The times of the newest debits, for the activity spike.</summary>
    [Id(7)] public List<DateTimeOffset> RecentDebits { get; set; } = [];
    /// <summary>The year whose birthday reminder fired last.</summary>
    [Id(8)] public int BirthdayNotifiedYear { get; set; }
    /// <summary>The year whose anniversary fired last.</summary>
    [Id(9)] public int AnniversaryNotifiedYear { get; set; }
    /// <summary>The last own transaction (or first event) a dormancy trigger was fired for.</summary>
    [Id(10)] public DateTimeOffset? DormantNotifiedFor { get; set; }
    /// <summary>The due moment of the last review trigger: the next review counts from it.</summary>
    [Id(11)] public DateTimeOffset? LastReviewDueAt { get; set; }
    /// <summary>The term deposits whose maturing reminder fired.</summary>
    [Id(12)] public HashSet<string> MaturingNotified { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The last expiry day <c>points.expiring</c> was fired for: each day's expiry is announced once.</summary>
    [Id(13)] public DateOnly? PointsExpiringNotified { get; set; }
}

/// <summary>A payment falling due.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.PaymentReminder")]
public sealed record PaymentReminder(
    [property: Id(0)] string AccountId,
    [property: Id(1)] DateOnly DueDate,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string EventId);

/// <summary>A purchase waiting for its after-sales call.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.FollowUpReminder")]
public sealed record FollowUpReminder(
    [property: Id(0)] string ProductId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] DateTimeOffset PurchasedAt,
    [property: Id(3)] string EventId);
