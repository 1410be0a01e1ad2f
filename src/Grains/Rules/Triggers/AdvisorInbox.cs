using Engagement.Advisors;
using Engagement.State;
using Engagement.Triggers;

namespace Engagement.Rules.Triggers;

/// <summary>The advisor's inbox, kept in shards by customer: newest versions win, effect and conversion counters move on status
/// transitions, one sequence of changes over all shards, ordering for display.</summary>
public static class AdvisorInbox
{
    /// <summary>Shards per advisor. Changing it moves customers and triggers to other shards, so it is fixed.</summary>
    public const int Shards = 16;

    /// <summary>How many closed or expired triggers a shard keeps besides the open ones (512 an advisor).</summary>
    public const int ClosedKeptPerShard = 32;

    /// <summary>The shard that holds <paramref name="customerId"/>'s book entry and triggers.</summary>
    public static int ShardOf(string customerId) => StableHash.ShardOf(customerId, Shards);

    /// <summary>The highest sequence number any shard gave: where the next change's numbering goes on from.</summary>
    public static long LastSequence(IEnumerable<AdvisorShardState> shards) => shards.Select(s => s.LastSequence).DefaultIfEmpty().Max();

    /// <summary>Takes a trigger into its customer's shard and numbers the change <paramref name="lastSequence"/> + 1.
    /// A trigger new to the inbox is put in the digest or pushed live by the daily cap; a later version keeps that
    /// decision. Returns the trigger as the inbox holds it, with no change for an old or repeated version.</summary>
    public static Taken Take(IReadOnlyList<AdvisorShardState> shards, Trigger trigger, long lastSequence, Workload workload)
    {
        var shard = shards[ShardOf(trigger.CustomerId)];
        var known = shard.Inbox.GetValueOrDefault(trigger.TriggerId);
        var day = workload.DayOf(trigger.CreatedAt);
        trigger = trigger with { Digest = known?.Digest ?? workload.IsDigest(trigger.Severity, PushedLive(shards, day)) };
        if (known is not null && known.Version >= trigger.Version)
        {
            return new Taken(trigger, null);
        }
        if (known is null && !trigger.Digest && Workload.Capped(trigger.Severity))
        {
            CountLive(shard, day);
        }
        var sequence = lastSequence + 1;
        shard.Inbox[trigger.TriggerId] = trigger;
        shard.Sequences[trigger.TriggerId] = sequence;
        shard.LastSequence = sequence;
        var counters = Counters(shard, trigger.Type);
        if (known is null)
        {
            counters.Fired++;
        }
        if (trigger.Status == TriggerStatus.Closed && known?.Status != TriggerStatus.Closed && trigger.Outcome is { } outcome)
        {
            counters.Closed++;
            counters.Reached += TriggerFiring.IsContact(outcome.Outcome) ? 1 : 0;
            counters.Opportunity += outcome.Outcome is OutcomeKind.Opportunity or OutcomeKind.Won ? 1 : 0;
            counters.Won += outcome.Outcome == OutcomeKind.Won ? 1 : 0;
            Conversion.Count(shard, trigger, outcome, workload.Calendar);
        }
        Trim(shard);
        return new Taken(trigger, new InboxChange(sequence, trigger));
    }

    /// <summary>How many capped triggers of <paramref name="day"/> were pushed live, over all shards.</summary>
    public static int PushedLive(IEnumerable<AdvisorShardState> shards, DateOnly day) => shards.Sum(s => s.PushedLive.GetValueOrDefault(day));

    /// <summary>An advisor's workload on <paramref name="day"/>.</summary>
    public static AdvisorWorkload WorkloadOf(string advisorId, IReadOnlyList<AdvisorShardState> shards, DateOnly day, Workload workload) =>
        new(advisorId, day, shards.Sum(s => s.Book.Count), shards.Sum(s => s.Inbox.Values.Count(t => t.IsOpen)), PushedLive(shards, day),
            workload.Cap, Digest(shards, day, workload).Count);

    /// <summary>The day's digest: the triggers of <paramref name="day"/> held back from the live push, most severe first, then newest.</summary>
    public static IReadOnlyList<Trigger> Digest(IEnumerable<AdvisorShardState> shards, DateOnly day, Workload workload) =>
        InDisplayOrder(shards.SelectMany(s => s.Inbox.Values).Where(t => t.Digest && workload.DayOf(t.CreatedAt) == day));

    /// <summary>Removes a customer's open triggers from their shard (they follow the customer to a new advisor);
    /// closed ones stay, as this advisor's record. Returns whether any was removed.</summary>
    public static bool RemoveOpen(AdvisorShardState shard, string customerId)
    {
        var moved = shard.Inbox.Values.Where(t => t.CustomerId == customerId && t.IsOpen).Select(t => t.TriggerId).ToList();
        moved.ForEach(id =>
        {
            shard.Inbox.Remove(id);
            shard.Sequences.Remove(id);
        });
        return moved.Count > 0;
    }

    /// <summary>One trigger of the inbox, or null.</summary>
    public static Trigger? Find(IEnumerable<AdvisorShardState> shards, string triggerId) =>
        shards.Select(s => s.Inbox.GetValueOrDefault(triggerId)).FirstOrDefault(t => t is not null);

    /// <summary>The latest change of each live trigger changed after <paramref name="sequence"/>, oldest first: digest
    /// triggers are never pushed live, so a reconnecting client does not get them either.</summary>
    public static IReadOnlyList<InboxChange> ChangesSince(IEnumerable<AdvisorShardState> shards, long sequence) =>
        shards.SelectMany(shard => shard.Sequences.Where(s => s.Value > sequence).Select(s => new InboxChange(s.Value, shard.Inbox[s.Key])))
            .Where(c => !c.Trigger.Digest).OrderBy(c => c.Sequence).ToList();

    /// <summary>The inbox, optionally of one status: most severe first, then newest.</summary>
    public static IReadOnlyList<Trigger> Ordered(IEnumerable<AdvisorShardState> shards, TriggerStatus? status) =>
        InDisplayOrder(shards.SelectMany(s => s.Inbox.Values).Where(t => status is null || t.Status == status));

    private static List<Trigger> InDisplayOrder(IEnumerable<Trigger> triggers) =>
        triggers.OrderByDescending(t => t.Severity).ThenByDescending(t => t.CreatedAt).ThenBy(t => t.TriggerId, StringComparer.Ordinal).ToList();

    // Only the latest days matter: a trigger is taken within moments of its creation, save a replay after a crash.
    private static void CountLive(AdvisorShardState shard, DateOnly day)
    {
        shard.PushedLive[day] = shard.PushedLive.GetValueOrDefault(day) + 1;
        foreach (var old in shard.PushedLive.Keys.Where(d => d < day.AddDays(-1)).ToList())
        {
            shard.PushedLive.Remove(old);
        }
    }

    /// <summary>The metrics per type over all shards, by type name.</summary>
    public static IReadOnlyList<TriggerTypeMetrics> Metrics(IEnumerable<AdvisorShardState> shards) =>
        shards.SelectMany(s => s.Effects).GroupBy(e => e.Key, e => e.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Metrics(g.Key, g.Sum(c => c.Fired), g.Sum(c => c.Reached), g.Sum(c => c.Opportunity), g.Sum(c => c.Won), g.Sum(c => c.Closed)))
            .ToList();

    private static TriggerTypeMetrics Metrics(string type, int fired, int reached, int opportunity, int won, int closed) =>
        new(type, fired, reached, opportunity, won, closed, Ratio.Of(reached, closed));

    private static EffectCounters Counters(AdvisorShardState shard, string type)
    {
        if (!shard.Effects.TryGetValue(type, out var counters))
        {
            shard.Effects[type] = counters = new EffectCounters();
        }
        return counters;
    }

    // Keeps the latest finished by their last change, not their creation: a trigger that closes long after it fired
    // stays known, so a repeated delivery of its closing is recognised and counted once.
    private static void Trim(AdvisorShardState shard)
    {
        var finished = shard.Inbox.Values.Where(t => !t.IsOpen).OrderBy(t => shard.Sequences.GetValueOrDefault(t.TriggerId)).ToList();
        foreach (var trigger in finished.Take(Math.Max(0, finished.Count - ClosedKeptPerShard)))
        {
            shard.Inbox.Remove(trigger.TriggerId);
            shard.Sequences.Remove(trigger.TriggerId);
        }
    }
}
