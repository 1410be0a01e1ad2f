using Engagement.Events;
using Engagement.State;

namespace Engagement.Rules;

/// <summary>Daily activity and AUM records, and the rolling-window figures read from them.</summary>
public static class ActivityRules
{
    /// <summary>Whether a transaction kind is the customer's own doing (interest and fees are the bank's).</summary>
    public static bool IsCustomerInitiated(TransactionKind kind) =>
        kind is not (TransactionKind.Interest or TransactionKind.Fee);

    /// <summary>The UTC day of a moment.</summary>
    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime);

    /// <summary>Counts a posted transaction on the day it occurred.</summary>
    public static void RecordTransaction(ActivityState activity, TransactionPosted posted)
    {
        var day = DayRecordFor(activity, DayOf(posted.OccurredAt));
        if (posted.Direction == Direction.Debit)
        {
            day.Debits++;
            day.DebitSum += posted.Amount;
        }
        else
        {
            day.Credits++;
        }
        if (IsCustomerInitiated(posted.Kind)
            && (activity.LastCustomerTransactionAt is null || posted.OccurredAt > activity.LastCustomerTransactionAt))
        {
            activity.LastCustomerTransactionAt = posted.OccurredAt;
        }
    }

    /// <summary>Records the AUM as of <paramref name="now"/> and forgets days the windows no longer need.</summary>
    public static void RecordAum(ActivityState activity, decimal aum, DateTimeOffset now, TimeSpan window)
    {
        var day = DayRecordFor(activity, DayOf(now));
        day.AumClose = aum;
        day.AumMax = day.AumMax is { } max ? Math.Max(max, aum) : aum;
        Prune(activity, WindowStart(now, window));
    }

    /// <summary>The first day that is no longer inside a window ending at <paramref name="now"/>.</summary>
    public static DateOnly WindowStart(DateTimeOffset now, TimeSpan window) => DayOf(now - window);

    /// <summary>The AUM at the end of <paramref name="date"/>: the latest recorded on or before it.</summary>
    public static decimal? AumAt(ActivityState activity, DateOnly date) =>
        activity.Days.LastOrDefault(d => d.Date <= date && d.AumClose is not null)?.AumClose;

    /// <summary>Debits posted after the window start.</summary>
    public static int DebitsSince(ActivityState activity, DateOnly windowStart) =>
        activity.Days.Where(d => d.Date > windowStart).Sum(d => d.Debits);

    /// <summary>Credits posted after the window start.</summary>
    public static int CreditsSince(ActivityState activity, DateOnly windowStart) =>
        activity.Days.Where(d => d.Date > windowStart).Sum(d => d.Credits);

    private static DayRecord DayRecordFor(ActivityState activity, DateOnly date)
    {
        var days = activity.Days;
        var index = days.FindLastIndex(d => d.Date <= date);
        if (index >= 0 && days[index].Date == date)
        {
            return days[index];
        }
        var record = new DayRecord { Date = date };
        days.Insert(index + 1, record);
        return record;
    }

    // Keeps the newest day with an AUM on or before the window start: it is the baseline of the window.
    private static void Prune(ActivityState activity, DateOnly windowStart)
    {
        var baseline = activity.Days.FindLastIndex(d => d.Date <= windowStart && d.AumClose is not null);
        var firstInWindow = activity.Days.FindIndex(d => d.Date > windowStart);
        var keepFrom = baseline >= 0 ? baseline : firstInWindow < 0 ? activity.Days.Count : firstInWindow;
        if (keepFrom > 0)
        {
            activity.Days.RemoveRange(0, keepFrom);
        }
    }
}
