using Engagement.Advisors;
using Engagement.State;
using Engagement.Triggers;

namespace Engagement.Rules.Triggers;

/// <summary>The advisor's inbox: newest versions win, effect counters move on status transitions, ordering for display.</summary>
public static class AdvisorInbox
{
    /// <summary>How many closed or expired triggers an inbox keeps besides the open ones.</summary>
    public const int ClosedKept = 500;

    /// <summary>Takes a trigger in and numbers the change; returns null for an old or repeated version.</summary>
    public static InboxChange? Take(AdvisorState state, Trigger trigger)
    {
        var known = state.Inbox.GetValueOrDefault(trigger.TriggerId);
        if (known is not null && known.Version >= trigger.Version)
        {
            return null;
        }
        state.Inbox[trigger.TriggerId] = trigger;
        state.Sequences[trigger.TriggerId] = ++state.LastSequence;
        var counters = Counters(state, trigger.Type);
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
        }
        Trim(state);
        return new InboxChange(state.LastSequence, trigger);
    }

    /// <summary>The latest change of each trigger changed after <paramref name="sequence"/>, oldest first.</summary>
    public static IReadOnlyList<InboxChange> ChangesSince(AdvisorState state, long sequence) =>
        state.Sequences.Where(s => s.Value > sequence).OrderBy(s => s.Value)
            .Select(s => new InboxChange(s.Value, state.Inbox[s.Key])).ToList();

    /// <summary>The inbox, optionally of one status: most severe first, then newest.</summary>
    public static IReadOnlyList<Trigger> Ordered(AdvisorState state, TriggerStatus? status) =>
        state.Inbox.Values.Where(t => status is null || t.Status == status)
            .OrderByDescending(t => t.Severity).ThenByDescending(t => t.CreatedAt).ThenBy(t => t.TriggerId, StringComparer.Ordinal)
            .ToList();

    /// <summary>The metrics per type, by type name.</summary>
    public static IReadOnlyList<TriggerTypeMetrics> Metrics(AdvisorState state) =>
        state.Effects.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new TriggerTypeMetrics(e.Key, e.Value.Fired, e.Value.Reached, e.Value.Opportunity, e.Value.Won, e.Value.Closed,
                e.Value.Closed == 0 ? null : Math.Round((decimal)e.Value.Reached / e.Value.Closed, 4, MidpointRounding.AwayFromZero)))
            .ToList();

    private static EffectCounters Counters(AdvisorState state, string type)
    {
        if (!state.Effects.TryGetValue(type, out var counters))
        {
            state.Effects[type] = counters = new EffectCounters();
        }
        return counters;
    }

    private static void Trim(AdvisorState state)
    {
        var finished = state.Inbox.Values.Where(t => !t.IsOpen).OrderBy(t => t.CreatedAt).ToList();
        foreach (var trigger in finished.Take(Math.Max(0, finished.Count - ClosedKept)))
        {
            state.Inbox.Remove(trigger.TriggerId);
            state.Sequences.Remove(trigger.TriggerId);
        }
    }
}
