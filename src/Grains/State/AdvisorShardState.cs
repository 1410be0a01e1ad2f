using Engagement.Triggers;

namespace Engagement.State;

/// <summary>One shard of an advisor: the customers of the book that hash to it, their triggers, effect counters and conversion counts.</summary>
/// <remarks>A book and its inbox grow with the bank (the unassigned queue holds every customer without an advisor), so
/// an advisor is kept in shards, each its own table row: a delivery or a book change rewrites one shard, and no row
/// outgrows a table entity.</remarks>
[GenerateSerializer, Alias("Engagement.AdvisorShardState")]
public sealed class AdvisorShardState
{
    /// <summary>The shard's triggers by triggerId: open triggers and the newest closed ones.</summary>
    [Id(0)] public Dictionary<string, Trigger> Inbox { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Counters per trigger type, over the shard's customers.</summary>
    [Id(1)] public Dictionary<string, EffectCounters> Effects { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The sequence number of each trigger's latest change.</summary>
    [Id(2)] public Dictionary<string, long> Sequences { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The highest sequence number this shard ever gave: the advisor's next number is above every shard's.</summary>
    [Id(3)] public long LastSequence { get; set; }
    /// <summary>The shard's customers currently assigned.</summary>
    [Id(4)] public HashSet<string> Book { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Per advisor's day, the <c>info</c> and <c>normal</c> triggers of this shard pushed live (the daily cap
    /// counts them over all shards); only the latest days are kept.</summary>
    [Id(5)] public Dictionary<DateOnly, int> PushedLive { get; set; } = [];
    /// <summary>Closed and won triggers per day, type and tier, for conversion over the last 90 days; older days are dropped.</summary>
    [Id(6)] public Dictionary<ClosingDay, ClosedCount> Conversions { get; set; } = [];
}

/// <summary>How triggers of one type turned out.</summary>
[GenerateSerializer, Alias("Engagement.EffectCounters")]
public sealed class EffectCounters
{
    /// <summary>Triggers delivered.</summary>
    [Id(0)] public int Fired { get; set; }
    /// <summary>Closed with the customer reached (reached, opportunity, won, lost).</summary>
    [Id(1)] public int Reached { get; set; }
    /// <summary>Closed with an opportunity (opportunity or won).</summary>
    [Id(2)] public int Opportunity { get; set; }
    /// <summary>Closed with a sale.</summary>
    [Id(3)] public int Won { get; set; }
    /// <summary>Closed with any outcome.</summary>
    [Id(4)] public int Closed { get; set; }
}
