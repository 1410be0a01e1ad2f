using Engagement.Events;
using Engagement.State;
using Engagement.Triggers;

namespace Engagement.Rules.Triggers;

/// <summary>Triggers that an event fires on arrival, and the reminders an event schedules.</summary>
public static class EventTriggers
{
    /// <summary>The candidates <paramref name="e"/> fires at once; notes the reminders it schedules.</summary>
    public static IEnumerable<TriggerCandidate> For(CustomerState state, CustomerEvent e, RuleCalendar calendar)
    {
        var ids = new[] { e.EventId };
        switch (e)
        {
            case CustomerRegistered r:
                state.Triggers.RegisteredOn ??= calendar.DayOf(r.OccurredAt);
                yield return new(TriggerTypes.Onboarding, "registration", r.OccurredAt, null,
                    TriggerFacts.Of(("joinedAt", r.JoinedAt), ("branchId", r.BranchId), ("registeredOn", calendar.DayOf(r.OccurredAt))), ids);
                break;
            case DepositMatured m:
                yield return new(TriggerTypes.DepositMatured, m.AccountId, m.OccurredAt, null,
                    TriggerFacts.Of(("accountId", m.AccountId), ("amount", m.Amount), ("maturedOn", calendar.DayOf(m.OccurredAt))), ids);
                break;
            case PaymentOverdue o:
                yield return new(TriggerTypes.PaymentOverdue, o.AccountId, o.OccurredAt, null,
                    TriggerFacts.Of(("accountId", o.AccountId), ("amount", o.Amount), ("daysOverdue", o.DaysOverdue)), ids);
                break;
            case DividendPaid d:
                yield return new(TriggerTypes.Dividend, d.EventId, d.OccurredAt, null,
                    TriggerFacts.Of(("productId", d.ProductId), ("amount", d.Amount)), ids);
                break;
            case PaymentDue p:
                state.Triggers.Payments.RemoveAll(r => r.AccountId == p.AccountId && r.DueDate == p.DueDate);
                state.Triggers.Payments.Add(new PaymentReminder(p.AccountId, p.DueDate, p.Amount, p.EventId));
                break;
            case InvestmentPurchased b:
                state.Triggers.FollowUps.Add(new FollowUpReminder(b.ProductId, b.Amount, b.OccurredAt, b.EventId));
                break;
        }
    }
}
