using Engagement.Triggers;

namespace Engagement.Advisors;

/// <summary>One advisor (客户经理), or the <c>unassigned</c> queue: inbox, book of customers and effect metrics.</summary>
[Alias("Engagement.IAdvisorGrain")]
public interface IAdvisorGrain : IGrainWithStringKey
{
    /// <summary>Takes new or changed triggers into the inbox (newer versions win) and book changes, in order, and
    /// pushes the inbox changes to the live stream at once, save those the daily cap puts in the digest; answers the
    /// write that will store them and put the triggers, with their <c>digest</c> flag, on <c>eng.triggers</c>.</summary>
    [Alias("Apply")]
    Task<AdvisorWrite> ApplyAsync(IReadOnlyList<AdvisorEffect> effects);

    /// <summary>Completes once <paramref name="write"/> is stored and published; fails if it failed or this activation
    /// never made it.</summary>
    [Alias("WhenWritten")]
    Task WhenWrittenAsync(AdvisorWrite write);

    /// <summary>The digest of <paramref name="day"/> (today in the engine's time zone when null), by severity then newest.</summary>
    [Alias("GetDigest")]
    Task<IReadOnlyList<Trigger>> GetDigestAsync(DateOnly? day);

    /// <summary>The advisor's workload today.</summary>
    [Alias("GetWorkload")]
    Task<AdvisorWorkload> GetWorkloadAsync();

    /// <summary>The inbox, optionally of one status, by severity then newest.</summary>
    [Alias("GetInbox")]
    Task<IReadOnlyList<Trigger>> GetInboxAsync(TriggerStatus? status);

    /// <summary>The inbox changes after <paramref name="sequence"/>, oldest first: what a reconnecting live client missed.</summary>
    [Alias("GetChangesSince")]
    Task<IReadOnlyList<InboxChange>> GetChangesSinceAsync(long sequence);

    /// <summary>One trigger of the inbox, or null.</summary>
    [Alias("FindTrigger")]
    Task<Trigger?> FindTriggerAsync(string triggerId);

    /// <summary>The customers currently assigned to the advisor.</summary>
    [Alias("GetBook")]
    Task<IReadOnlyList<string>> GetBookAsync();

    /// <summary>Per trigger type: fired, reached, opportunity, won and the contact rate.</summary>
    [Alias("GetMetrics")]
    Task<IReadOnlyList<TriggerTypeMetrics>> GetMetricsAsync();

    /// <summary>This advisor's closed and won triggers per type and tier over the 90 days up to <paramref name="through"/>.</summary>
    [Alias("GetConversion")]
    Task<IReadOnlyList<ConversionRate>> GetConversionAsync(DateOnly through);
}
