using Engagement.Advisors;
using Engagement.Customers;
using Engagement.State;
using Engagement.Triggers;

namespace Engagement.Rules.Triggers;

/// <summary>Conversion of triggers into sales: per type and tier, won ÷ closed over the triggers closed in the last 90
/// days, counted per day in the advisor's shards when a trigger closes.</summary>
public static class Conversion
{
    /// <summary>The days the window spans: the day asked for and the 89 before it.</summary>
    public const int WindowDays = 90;

    /// <summary>Days kept before the window, so that a table as of a few days back is still whole.</summary>
    public const int MarginDays = 7;

    /// <summary>The first day of the window that ends on <paramref name="through"/>.</summary>
    public static DateOnly From(DateOnly through) => through.AddDays(1 - WindowDays);

    /// <summary>Counts <paramref name="closed"/> in its shard on the day its <paramref name="outcome"/> was recorded, and
    /// drops the days older than the window and its margin. Call it once per trigger, when it becomes closed: a closed
    /// trigger is never reopened.</summary>
    public static void Count(AdvisorShardState shard, Trigger closed, TriggerOutcome outcome, RuleCalendar calendar)
    {
        var day = calendar.DayOf(outcome.RecordedAt);
        var key = new ClosingDay(day, closed.Type, closed.Tier);
        var count = shard.Conversions.GetValueOrDefault(key);
        shard.Conversions[key] = new ClosedCount(count.Closed + 1, count.Won + (outcome.Outcome == OutcomeKind.Won ? 1 : 0));
        var oldest = From(day).AddDays(-MarginDays);
        foreach (var old in shard.Conversions.Keys.Where(k => k.Day < oldest).ToList())
        {
            shard.Conversions.Remove(old);
        }
    }

    /// <summary>The closed and won triggers per type and tier of the window ending on <paramref name="through"/>, over all shards.</summary>
    public static IReadOnlyList<ConversionRate> Over(IEnumerable<AdvisorShardState> shards, DateOnly through)
    {
        var from = From(through);
        return Combine(shards.SelectMany(s => s.Conversions)
            .Where(c => c.Key.Day >= from && c.Key.Day <= through)
            .Select(c => new ConversionRate(c.Key.Type, c.Key.Tier, c.Value.Closed, c.Value.Won, null)));
    }

    /// <summary>The table of the window ending on <paramref name="through"/> from every advisor's rates of that window.</summary>
    public static ConversionTable Table(IEnumerable<ConversionRate> advisors, DateOnly through) => new(From(through), through, Combine(advisors));

    private static List<ConversionRate> Combine(IEnumerable<ConversionRate> parts) =>
        parts.GroupBy(p => (p.Type, p.Tier))
            .OrderBy(g => g.Key.Type, StringComparer.Ordinal).ThenBy(g => g.Key.Tier)
            .Select(g => Rate(g.Key.Type, g.Key.Tier, g.Sum(p => p.Closed), g.Sum(p => p.Won)))
            .ToList();

    private static ConversionRate Rate(string type, Tier tier, int closed, int won) => new(type, tier, closed, won, Ratio.Of(won, closed));
}
