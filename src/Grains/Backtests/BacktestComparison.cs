using Engagement.Customers;
using Engagement.Rules;
using Engagement.Triggers;

namespace Engagement.Backtests;

/// <summary>Compares the triggers two rule sets fired whose <c>occurredAt</c> falls in a window: per type and per advisor
/// under each, what the candidate adds and removes, and the sales past outcomes suggest for those.</summary>
public static class BacktestComparison
{
    /// <summary>Examples of each difference, per type and direction.</summary>
    public const int ExamplesPerType = 3;

    /// <summary>The counts of a finished back-test; <paramref name="conversion"/> gives the 90-day won ÷ closed of a
    /// type and tier, or null when none was closed.</summary>
    public static BacktestReport Compare(BacktestReport running, IEnumerable<Trigger> inForce, IEnumerable<Trigger> candidate,
        Func<string, Tier, decimal?> conversion)
    {
        var before = InWindow(inForce, running.From, running.To);
        var after = InWindow(candidate, running.From, running.To);
        var added = after.Values.Where(t => !before.ContainsKey(t.TriggerId)).ToList();
        var removed = before.Values.Where(t => !after.ContainsKey(t.TriggerId)).ToList();
        var byType = before.Values.Concat(after.Values).Select(t => t.Type).Distinct().Order(StringComparer.Ordinal)
            .ToDictionary(type => type, type => new TypeDifference(
                before.Values.Count(t => t.Type == type), after.Values.Count(t => t.Type == type),
                added.Count(t => t.Type == type), removed.Count(t => t.Type == type),
                ExpectedWon(added.Where(t => t.Type == type), conversion), ExpectedWon(removed.Where(t => t.Type == type), conversion),
                [.. Examples("added", added, type), .. Examples("removed", removed, type)],
                added.Concat(removed).Where(t => t.Type == type).Select(t => t.Tier).Distinct().Order()
                    .ToDictionary(tier => tier, tier => conversion(type, tier))), StringComparer.Ordinal);
        var byAdvisor = before.Values.Concat(after.Values).Select(t => t.AdvisorId).Distinct().Order(StringComparer.Ordinal)
            .ToDictionary(advisor => advisor, advisor => new AdvisorDifference(
                before.Values.Count(t => t.AdvisorId == advisor), after.Values.Count(t => t.AdvisorId == advisor)), StringComparer.Ordinal);
        return running with
        {
            Status = BacktestStatus.Done,
            InForce = running.InForce with { Triggers = before.Count },
            Candidate = running.Candidate with { Triggers = after.Count },
            ByType = byType,
            ByAdvisor = byAdvisor,
        };
    }

    private static Dictionary<string, Trigger> InWindow(IEnumerable<Trigger> fired, DateTimeOffset from, DateTimeOffset to) =>
        fired.Where(t => t.OccurredAt >= from && t.OccurredAt <= to).DistinctBy(t => t.TriggerId).ToDictionary(t => t.TriggerId, StringComparer.Ordinal);

    // Unknown when any of the triggers is of a type and tier that no past outcome speaks for.
    private static decimal? ExpectedWon(IEnumerable<Trigger> triggers, Func<string, Tier, decimal?> conversion)
    {
        decimal total = 0;
        foreach (var trigger in triggers)
        {
            if (conversion(trigger.Type, trigger.Tier) is not { } rate)
            {
                return null;
            }
            total += rate;
        }
        return Math.Round(total, 2, MidpointRounding.AwayFromZero);
    }

    private static IEnumerable<DifferenceExample> Examples(string change, IEnumerable<Trigger> triggers, string type) =>
        triggers.Where(t => t.Type == type).OrderBy(t => t.OccurredAt).ThenBy(t => t.TriggerId, StringComparer.Ordinal).Take(ExamplesPerType)
            .Select(t => new DifferenceExample(change, t.TriggerId, t.CustomerId, t.AdvisorId, t.Tier, t.OccurredAt, t.Explanation));
}
