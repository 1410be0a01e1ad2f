using Engagement.Customers;
using Engagement.Rules.Triggers;
using Engagement.State;

namespace Engagement.Rules;

/// <summary>Loyalty points: earning with the tier multiplier, exact reversal, redemption, expiry by first-in-first-out
/// lots, and the ledger.</summary>
/// <remarks>The lots hold the balance when it is positive and nothing when it is not: a reversal that takes the balance
/// below zero empties them, and later earnings pay that debt before they make a lot.</remarks>
public static class PointsRules
{
    /// <summary>The points an amount earns: floor(amount × rate × multiplier of the tier).</summary>
    public static long Earned(decimal amount, decimal rate, Tier tier, RuleSettings settings) =>
        (long)Math.Floor(amount * rate * settings.MultiplierOf(tier));

    /// <summary>The last day on which points earned at <paramref name="earnedAt"/> can be spent: the end of the month
    /// <see cref="RuleSettings.PointsLifetimeMonths"/> after the month of earning, on <paramref name="calendar"/>.</summary>
    public static DateOnly ExpiryOf(DateTimeOffset earnedAt, RuleCalendar calendar, RuleSettings settings)
    {
        var day = calendar.DayOf(earnedAt);
        return new DateOnly(day.Year, day.Month, 1).AddMonths(settings.PointsLifetimeMonths + 1).AddDays(-1);
    }

    /// <summary>Credits what an event earned to the lot of its month, or takes it back at once when its reversal came
    /// first.</summary>
    public static void Earn(PointsState points, string eventId, long earned, DateTimeOffset at, RuleCalendar calendar, RuleSettings settings)
    {
        if (earned <= 0)
        {
            return;
        }
        points.LifetimeEarned += earned;
        var before = points.Balance;
        Post(points, eventId, LedgerEntryKind.Earn, earned, at, settings);
        if (points.PendingReversals.Remove(eventId, out var reversalEventId))
        {
            points.LifetimeEarned -= earned;
            Post(points, reversalEventId, LedgerEntryKind.Reverse, -earned, at, settings);
            return;
        }
        var expiresOn = ExpiryOf(at, calendar, settings);
        AddToLot(points, expiresOn, Math.Max(0, points.Balance) - Math.Max(0, before));
        points.Earnings.Add(new Earning(eventId, earned, expiresOn));
        if (points.Earnings.Count > settings.EarningsKept)
        {
            points.Earnings.RemoveAt(0);
        }
    }

    /// <summary>Takes back exactly what the original event earned, from the lot it went to first; the balance may go
    /// negative.</summary>
    /// <param name="points">The customer's points.</param>
    /// <param name="originalEventId">The event reversed.</param>
    /// <param name="reversalEventId">The reversal event.</param>
    /// <param name="originalSeen">Whether the customer already applied the original event.</param>
    /// <param name="at">When the reversal applies.</param>
    /// <param name="settings">The rules' figures.</param>
    public static void Reverse(PointsState points, string originalEventId, string reversalEventId, bool originalSeen,
        DateTimeOffset at, RuleSettings settings)
    {
        var index = points.Earnings.FindIndex(e => e.EventId == originalEventId);
        if (index < 0)
        {
            if (!originalSeen)
            {
                points.PendingReversals[originalEventId] = reversalEventId;
            }
            return;
        }
        var earning = points.Earnings[index];
        points.Earnings.RemoveAt(index);
        points.LifetimeEarned -= earning.Points;
        Post(points, reversalEventId, LedgerEntryKind.Reverse, -earning.Points, at, settings);
        ShrinkLots(points, earning.ExpiresOn);
    }

    /// <summary>Spends points, oldest lots first, when the balance covers them; a repeated redemptionId gets the first
    /// answer and changes nothing.</summary>
    public static RedemptionAnswer Redeem(PointsState points, string redemptionId, long amount, DateTimeOffset at, RuleSettings settings)
    {
        if (points.Redemptions.Find(r => r.RedemptionId == redemptionId) is { } earlier)
        {
            return earlier;
        }
        var accepted = amount <= points.Balance;
        if (accepted)
        {
            Post(points, redemptionId, LedgerEntryKind.Redeem, -amount, at, settings);
            ShrinkLots(points, null);
        }
        var answer = new RedemptionAnswer(redemptionId, accepted, points.Balance);
        points.Redemptions.Add(answer);
        if (points.Redemptions.Count > settings.RedemptionsKept)
        {
            points.Redemptions.RemoveAt(0);
        }
        return answer;
    }

    /// <summary>Expires what is left of every lot whose last day is before <paramref name="now"/>'s day, each as one
    /// <c>expire</c> entry stamped with the start of the day after its last; says whether any expired.</summary>
    /// <remarks>A positive balance from before lots existed becomes one lot first, with the lifetime of points earned now.</remarks>
    public static bool Expire(PointsState points, DateTimeOffset now, RuleCalendar calendar, RuleSettings settings)
    {
        if (points.Balance > 0 && points.Lots.Count == 0)
        {
            AddToLot(points, ExpiryOf(now, calendar, settings), points.Balance);
        }
        var today = calendar.DayOf(now);
        var expired = false;
        while (points.Lots.Count > 0 && points.Lots[0].ExpiresOn < today)
        {
            var lot = points.Lots[0];
            points.Lots.RemoveAt(0);
            Post(points, ExpiryEntryId(lot.ExpiresOn), LedgerEntryKind.Expire, -lot.Points, calendar.StartOf(lot.ExpiresOn.AddDays(1)), settings);
            expired = true;
        }
        return expired;
    }

    /// <summary>The eventId of the <c>expire</c> entry of the lot ending on <paramref name="expiresOn"/>.</summary>
    public static string ExpiryEntryId(DateOnly expiresOn) => $"expire-{expiresOn:yyyy-MM-dd}";

    /// <summary>Changes the balance by <paramref name="change"/> and records the ledger entry.</summary>
    public static LedgerEntry Post(PointsState points, string eventId, LedgerEntryKind kind, long change,
        DateTimeOffset at, RuleSettings settings)
    {
        points.Balance += change;
        var entry = new LedgerEntry($"L{points.NextEntry++}", eventId, kind, change, points.Balance, at);
        points.Ledger.Add(entry);
        if (points.Ledger.Count > settings.LedgerEntriesKept)
        {
            var leaving = points.Ledger.Count - settings.LedgerEntriesKept;
            points.ToArchive.AddRange(points.Ledger.Take(leaving));
            points.Ledger.RemoveRange(0, leaving);
        }
        return entry;
    }

    private static void AddToLot(PointsState points, DateOnly expiresOn, long gained)
    {
        if (gained <= 0)
        {
            return;
        }
        var index = points.Lots.FindIndex(l => l.ExpiresOn >= expiresOn);
        if (index >= 0 && points.Lots[index].ExpiresOn == expiresOn)
        {
            points.Lots[index].Points += gained;
            return;
        }
        points.Lots.Insert(index < 0 ? points.Lots.Count : index, new PointsLot { ExpiresOn = expiresOn, Points = gained });
    }

    // Takes what the lots hold beyond the balance out of them: from the preferred lot first, then the oldest.
    private static void ShrinkLots(PointsState points, DateOnly? preferred)
    {
        var excess = points.Lots.Sum(l => l.Points) - Math.Max(0, points.Balance);
        if (points.Lots.Find(l => l.ExpiresOn == preferred) is { } own)
        {
            excess = Take(own, excess);
        }
        foreach (var lot in points.Lots)
        {
            excess = Take(lot, excess);
        }
        points.Lots.RemoveAll(l => l.Points == 0);
    }

    private static long Take(PointsLot lot, long wanted)
    {
        var taken = Math.Min(lot.Points, wanted);
        lot.Points -= taken;
        return wanted - taken;
    }
}
