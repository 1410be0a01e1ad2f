using Engagement.Customers;
using Engagement.State;

namespace Engagement.Rules;

/// <summary>Loyalty points: earning with the tier multiplier, exact reversal, and the ledger.</summary>
public static class PointsRules
{
    /// <summary>The points an amount earns: floor(amount × rate × multiplier of the tier).</summary>
    public static long Earned(decimal amount, decimal rate, Tier tier, RuleSettings settings) =>
        (long)Math.Floor(amount * rate * settings.MultiplierOf(tier));

    /// <summary>Credits what an event earned, or takes it back at once when its reversal came first.</summary>
    public static void Earn(PointsState points, string eventId, long earned, DateTimeOffset at, RuleSettings settings)
    {
        if (earned <= 0)
        {
            return;
        }
        points.LifetimeEarned += earned;
        Post(points, eventId, LedgerEntryKind.Earn, earned, at, settings);
        if (points.PendingReversals.Remove(eventId, out var reversalEventId))
        {
            points.LifetimeEarned -= earned;
            Post(points, reversalEventId, LedgerEntryKind.Reverse, -earned, at, settings);
            return;
        }
        points.Earnings.Add(new Earning(eventId, earned));
        if (points.Earnings.Count > settings.EarningsKept)
        {
            points.Earnings.RemoveAt(0);
        }
    }

    /// <summary>Takes back exactly what the original event earned; the balance may go negative.</summary>
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
        var earned = points.Earnings[index].Points;
        points.Earnings.RemoveAt(index);
        points.LifetimeEarned -= earned;
        Post(points, reversalEventId, LedgerEntryKind.Reverse, -earned, at, settings);
    }

    /// <summary>Spends points when the balance covers them; a repeated redemptionId gets the first answer and changes nothing.</summary>
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
        }
        var answer = new RedemptionAnswer(redemptionId, accepted, points.Balance);
        points.Redemptions.Add(answer);
        if (points.Redemptions.Count > settings.RedemptionsKept)
        {
            points.Redemptions.RemoveAt(0);
        }
        return answer;
    }

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
}
