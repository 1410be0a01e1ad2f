using Engagement.Customers;
using Engagement.Events;
using Engagement.State;
using Engagement.Triggers;

namespace Engagement.Rules.Triggers;

/// <summary>Abnormal account movements: every rule that matches an event, in precedence order.</summary>
public static class MovementTriggers
{
    /// <summary>Notes the debit for the activity spike (keeps only the newest few).</summary>
    public static void NoteDebit(TriggerBook book, TransactionPosted posted, TriggerSettings settings)
    {
        if (posted.Direction != Direction.Debit)
        {
            return;
        }
        var index = book.RecentDebits.FindLastIndex(at => at <= posted.OccurredAt);
        book.RecentDebits.Insert(index + 1, posted.OccurredAt);
        if (book.RecentDebits.Count > settings.SpikeDebits)
        {
            book.RecentDebits.RemoveRange(0, book.RecentDebits.Count - settings.SpikeDebits);
        }
    }

    /// <summary>The movement candidates of a posted transaction, highest precedence first.</summary>
    public static IEnumerable<TriggerCandidate> For(CustomerState state, TransactionPosted t, MovementContext before,
        DateTimeOffset now, TriggerSettings settings)
    {
        var ids = new[] { t.EventId };
        var tierName = Name(before.TierBefore);
        if (t.Direction == Direction.Debit)
        {
            var windowStart = t.OccurredAt - settings.SpikeWindow;
            var recent = state.Triggers.RecentDebits.Count(at => at > windowStart && at <= t.OccurredAt);
            if (recent >= settings.SpikeDebits)
            {
                yield return new(TriggerTypes.ActivitySpike, "spike", t.OccurredAt, null,
                    TriggerFacts.Of(("debits", recent), ("windowMinutes", (int)settings.SpikeWindow.TotalMinutes), ("accountId", t.AccountId), ("amount", t.Amount)), ids);
            }
            if (t.Kind == TransactionKind.TransferOut && t.Counterparty is { External: true } payee && t.Amount >= settings.ExternalTransferMin)
            {
                yield return new(TriggerTypes.ExternalTransfer, t.EventId, t.OccurredAt, null,
                    TriggerFacts.Of(("accountId", t.AccountId), ("amount", t.Amount), ("bankId", payee.BankId), ("threshold", settings.ExternalTransferMin)), ids);
            }
            var threshold = settings.LargeOutflowFor(before.TierBefore);
            if (t.Amount >= threshold)
            {
                yield return new(TriggerTypes.LargeOutflow, t.EventId, t.OccurredAt, null,
                    TriggerFacts.Of(("accountId", t.AccountId), ("amount", t.Amount), ("threshold", threshold), ("tier", tierName)), ids);
            }
            else if (before.Debits90d >= settings.OutflowMeanMinDebits && t.Amount >= settings.OutflowMeanMinAmount
                     && t.Amount >= settings.OutflowMeanMultiple * (before.DebitSum90d / before.Debits90d))
            {
                var mean = Money.ToCents(before.DebitSum90d / before.Debits90d);
                yield return new(TriggerTypes.LargeOutflow, t.EventId, t.OccurredAt, null,
                    TriggerFacts.Of(("accountId", t.AccountId), ("amount", t.Amount), ("meanDebit90d", mean), ("debits90d", before.Debits90d),
                        ("multiple", settings.OutflowMeanMultiple)), ids);
            }
        }
        if (BalanceDrop(state, before.AumBefore, now, settings, ids, t.OccurredAt) is { } drop)
        {
            yield return drop;
        }
        if (t.Direction == Direction.Credit && t.Amount >= settings.LargeInflowFor(before.TierBefore))
        {
            var inflow = settings.LargeInflowFor(before.TierBefore);
            yield return new(TriggerTypes.LargeInflow, t.EventId, t.OccurredAt, null,
                TriggerFacts.Of(("accountId", t.AccountId), ("amount", t.Amount), ("threshold", inflow), ("tier", tierName)), ids);
        }
    }

    /// <summary>A balance drop: an event lowered AUM from <paramref name="aumBefore"/> to at or below the ratio of its
    /// high in the window, and at least the minimum below that high.</summary>
    public static TriggerCandidate? BalanceDrop(CustomerState state, decimal aumBefore, DateTimeOffset now, TriggerSettings settings,
        IReadOnlyList<string> sourceEventIds, DateTimeOffset occurredAt)
    {
        if (state.Aum >= aumBefore)
        {
            return null;
        }
        var since = ActivityRules.WindowStart(now, settings.BalanceDropWindow);
        var high = state.Activity.Days.Where(d => d.Date > since && d.AumMax is not null).Select(d => d.AumMax!.Value).DefaultIfEmpty(0m).Max();
        var aum = state.Aum;
        if (high <= 0m || aum > high * settings.BalanceDropRatio || high - aum < settings.BalanceDropMin)
        {
            return null;
        }
        return new(TriggerTypes.BalanceDrop, "aum", occurredAt, null,
            TriggerFacts.Of(("aum", aum), ("high30d", high), ("drop", high - aum), ("windowDays", (int)settings.BalanceDropWindow.TotalDays)),
            sourceEventIds);
    }

    private static string Name(Tier tier) => tier.ToString().ToLowerInvariant();
}
