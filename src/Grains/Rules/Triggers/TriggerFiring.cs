using Engagement.Customers;
using Engagement.Rules.Triggers.Explanations;
using Engagement.State;
using Engagement.Triggers;

namespace Engagement.Rules.Triggers;

/// <summary>Turns candidates into triggers: dedupe while open, cooldown, the private-tier severity step,
/// do-not-contact, the unassigned queue, expiry; and records advisors' outcomes.</summary>
public static class TriggerFiring
{
    /// <summary>The advisor id of customers nobody looks after.</summary>
    public const string Unassigned = "unassigned";

    /// <summary>Whether the candidate would fire now (no open trigger of its type and subject, and out of cooldown).</summary>
    public static bool CanFire(CustomerState state, TriggerCandidate candidate, DateTimeOffset now, TriggerSettings settings) =>
        !state.Triggers.Triggers.Any(t => t.IsOpen && t.Type == candidate.Type && t.Subject == candidate.Subject)
        && !(state.Triggers.LastFired.TryGetValue(Key(candidate.Type, candidate.Subject), out var last)
             && now < last + settings.CooldownOf(candidate.Type));

    /// <summary>Fires the candidate unless deduped or cooling down; returns the trigger recorded, if any.</summary>
    public static Trigger? Fire(CustomerState state, string customerId, TriggerCandidate candidate, DateTimeOffset now,
        DateTimeOffset wallNow, TriggerSettings settings)
    {
        if (!CanFire(state, candidate, now, settings))
        {
            return null;
        }
        var (category, severity) = TriggerTypes.Catalogue[candidate.Type];
        var tier = state.Tier.Current;
        var doNotContact = state.Profile.DoNotContact;
        var delivered = !doNotContact || category == TriggerCategory.Abnormal || candidate.Type == TriggerTypes.PaymentOverdue;
        var trigger = new Trigger
        {
            TriggerId = TriggerIds.For(customerId, candidate.Type, candidate.Subject, candidate.OccurredAt),
            Type = candidate.Type,
            Subject = candidate.Subject,
            Category = category,
            Severity = tier == Tier.Private && severity < Severity.Urgent ? severity + 1 : severity,
            CustomerId = customerId,
            AdvisorId = state.Profile.AdvisorId ?? Unassigned,
            Tier = tier,
            DoNotContact = doNotContact,
            Status = delivered ? TriggerStatus.Open : TriggerStatus.Suppressed,
            OccurredAt = candidate.OccurredAt,
            CreatedAt = wallNow,
            ExpiresAt = now + settings.Lifetime,
            DueAt = candidate.DueAt,
            Facts = candidate.Facts,
            Explanation = Explanation.Of(settings.Language, settings.Calendar, candidate.Type, candidate.Facts),
            SourceEventIds = candidate.SourceEventIds,
            Version = 1,
            RuleVersion = settings.RuleVersion,
        };
        state.Triggers.LastFired[Key(candidate.Type, candidate.Subject)] = now;
        Record(state, trigger, delivered, settings);
        return trigger;
    }

    /// <summary>Starts the cooldown of a candidate that matched but was covered by a higher one that fired, unless it is
    /// open or cooling down already.</summary>
    public static void Cover(CustomerState state, TriggerCandidate candidate, DateTimeOffset now, TriggerSettings settings)
    {
        if (CanFire(state, candidate, now, settings))
        {
            state.Triggers.LastFired[Key(candidate.Type, candidate.Subject)] = now;
        }
    }

    /// <summary>Expires open triggers past their expiry and forgets cooldowns that ended; returns how many expired.</summary>
    public static int Expire(CustomerState state, DateTimeOffset now, TriggerSettings settings)
    {
        var expiring = state.Triggers.Triggers.Where(t => t.IsOpen && t.ExpiresAt <= now).ToList();
        foreach (var trigger in expiring)
        {
            Replace(state, trigger with { Status = TriggerStatus.Expired, Version = trigger.Version + 1 }, settings);
        }
        foreach (var (key, at) in state.Triggers.LastFired.ToList())
        {
            if (now >= at + settings.CooldownOf(key[..key.IndexOf('|')]))
            {
                state.Triggers.LastFired.Remove(key);
            }
        }
        return expiring.Count;
    }

    /// <summary>Records an advisor's outcome: <c>acknowledged</c> leaves the trigger open, any other closes it;
    /// contact outcomes count as contact for <c>review.due</c>. Returns null when the trigger is unknown or no longer open.</summary>
    public static Trigger? RecordOutcome(CustomerState state, string triggerId, TriggerOutcome outcome, TriggerSettings settings)
    {
        if (state.Triggers.Triggers.FirstOrDefault(t => t.TriggerId == triggerId) is not { IsOpen: true } trigger)
        {
            return null;
        }
        var status = outcome.Outcome == OutcomeKind.Acknowledged ? TriggerStatus.Acknowledged : TriggerStatus.Closed;
        if (IsContact(outcome.Outcome))
        {
            state.Triggers.LastContactAt = outcome.RecordedAt;
        }
        var updated = trigger with { Status = status, Outcome = outcome, Version = trigger.Version + 1 };
        Replace(state, updated, settings);
        return updated;
    }

    /// <summary>Moves the customer's open triggers to their current advisor (a new version each, so the new advisor's
    /// inbox and <c>eng.triggers</c> get them); the old advisor drops them when the customer leaves their book.</summary>
    public static void FollowAdvisor(CustomerState state, TriggerSettings settings)
    {
        var advisorId = state.Profile.AdvisorId ?? Unassigned;
        foreach (var trigger in state.Triggers.Triggers.Where(t => t.IsOpen && t.AdvisorId != advisorId).ToList())
        {
            Replace(state, trigger with { AdvisorId = advisorId, Version = trigger.Version + 1 }, settings);
        }
    }

    /// <summary>Whether an outcome means the customer was actually spoken to.</summary>
    public static bool IsContact(OutcomeKind outcome) =>
        outcome is OutcomeKind.Reached or OutcomeKind.Opportunity or OutcomeKind.Won or OutcomeKind.Lost;

    private static void Replace(CustomerState state, Trigger updated, TriggerSettings settings)
    {
        var triggers = state.Triggers.Triggers;
        triggers[triggers.FindIndex(t => t.TriggerId == updated.TriggerId)] = updated;
        Record(state, updated, updated.Status != TriggerStatus.Suppressed, settings, replaced: true);
    }

    private static void Record(CustomerState state, Trigger trigger, bool deliver, TriggerSettings settings, bool replaced = false)
    {
        var book = state.Triggers;
        if (!replaced)
        {
            book.Triggers.Add(trigger);
        }
        if (deliver)
        {
            book.Outbox.RemoveAll(t => t.TriggerId == trigger.TriggerId);
            book.Outbox.Add(trigger);
        }
        var closed = book.Triggers.Count(t => !t.IsOpen);
        for (var i = 0; closed > settings.ClosedTriggersKept && i < book.Triggers.Count;)
        {
            if (!book.Triggers[i].IsOpen)
            {
                book.Triggers.RemoveAt(i);
                closed--;
            }
            else
            {
                i++;
            }
        }
    }

    private static string Key(string type, string subject) => $"{type}|{subject}";
}
