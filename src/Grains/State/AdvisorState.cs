using Engagement.Triggers;

namespace Engagement.State;

/// <summary>An advisor's inbox, book and per-type effect counters.</summary>
[GenerateSerializer, Alias("Engagement.AdvisorState")]
public sealed class AdvisorState
{
    /// <summary>The inbox by triggerId: open triggers and the newest closed ones.</summary>
    [Id(0)] public Dictionary<string, Trigger> Inbox { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The customers currently assigned.</summary>
    [Id(1)] public HashSet<string> Book { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Counters per trigger type.</summary>
    [Id(2)] public Dictionary<string, EffectCounters> Effects { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The sequence number of each inbox trigger's latest change.</summary>
    [Id(3)] public Dictionary<string, long> Sequences { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The sequence number of the latest change.</summary>
    [Id(4)] public long LastSequence { get; set; }
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
