using Engagement.Customers;

namespace Engagement.Rules;

/// <summary>Where a back-test stands.</summary>
public enum BacktestStatus
{
    /// <summary>Reading and folding the retained events.</summary>
    Running,
    /// <summary>Finished: the counts are final.</summary>
    Done,
    /// <summary>Stopped by an error, named in <see cref="BacktestReport.Error"/>.</summary>
    Failed,
}

/// <summary>A back-test of a candidate rule set against the one in force (SPEC §5), as far as it has got.</summary>
/// <param name="BacktestId">Its id, for <c>GET /api/rules/backtests/{backtestId}</c>.</param>
/// <param name="Status">Running, done or failed.</param>
/// <param name="From">The window's start: triggers whose <c>occurredAt</c> is at or after it count.</param>
/// <param name="To">The window's end: events up to it are folded, triggers up to it count.</param>
/// <param name="Progress">How far the reading and folding got.</param>
/// <param name="InForce">The rule set in force and its triggers in the window.</param>
/// <param name="Candidate">The candidate's triggers in the window.</param>
/// <param name="ByType">Per trigger type, under each rule set, with the differences.</param>
/// <param name="ByAdvisor">Per advisor, under each rule set.</param>
/// <param name="Error">Why it failed.</param>
[GenerateSerializer, Immutable, Alias("Engagement.BacktestReport")]
public sealed record BacktestReport(
    [property: Id(0)] string BacktestId,
    [property: Id(1)] BacktestStatus Status,
    [property: Id(2)] DateTimeOffset From,
    [property: Id(3)] DateTimeOffset To,
    [property: Id(4)] BacktestProgress Progress,
    [property: Id(5)] BacktestSide InForce,
    [property: Id(6)] BacktestSide Candidate,
    [property: Id(7)] IReadOnlyDictionary<string, TypeDifference> ByType,
    [property: Id(8)] IReadOnlyDictionary<string, AdvisorDifference> ByAdvisor,
    [property: Id(9)] string? Error = null);

/// <summary>How far a back-test got.</summary>
/// <param name="RecordsRead">Input records read so far.</param>
/// <param name="RecordsTotal">Input records retained up to the high watermarks when it started.</param>
/// <param name="EventsFolded">Customer events and NAV updates folded through both rule sets.</param>
/// <param name="Customers">Customers seen.</param>
[GenerateSerializer, Immutable, Alias("Engagement.BacktestProgress")]
public sealed record BacktestProgress(
    [property: Id(0)] long RecordsRead,
    [property: Id(1)] long RecordsTotal,
    [property: Id(2)] long EventsFolded,
    [property: Id(3)] int Customers);

/// <summary>One rule set's result in the window.</summary>
/// <param name="Version">The rule set's version; none for a candidate.</param>
/// <param name="Triggers">Triggers fired in the window.</param>
[GenerateSerializer, Immutable, Alias("Engagement.BacktestSide")]
public sealed record BacktestSide([property: Id(0)] int? Version, [property: Id(1)] int Triggers);

/// <summary>One trigger type under both rule sets.</summary>
/// <param name="InForce">Fired under the rule set in force.</param>
/// <param name="Candidate">Fired under the candidate.</param>
/// <param name="Added">Fired under the candidate only.</param>
/// <param name="Removed">Fired under the rule set in force only.</param>
/// <param name="ExpectedWonAdded">Sales the added triggers would bring at the 90-day conversion (won ÷ closed) of their
/// type and tier; null when a type and tier among them had no trigger closed in the 90 days.</param>
/// <param name="ExpectedWonRemoved">The same for the removed triggers.</param>
/// <param name="Examples">A few of the differences, each with its explanation.</param>
/// <param name="Conversion">For each tier among the added and removed triggers, the 90-day conversion (won ÷ closed) of
/// the type at that tier, null when none was closed.</param>
[GenerateSerializer, Immutable, Alias("Engagement.TypeDifference")]
public sealed record TypeDifference(
    [property: Id(0)] int InForce,
    [property: Id(1)] int Candidate,
    [property: Id(2)] int Added,
    [property: Id(3)] int Removed,
    [property: Id(4)] decimal? ExpectedWonAdded,
    [property: Id(5)] decimal? ExpectedWonRemoved,
    [property: Id(6)] IReadOnlyList<DifferenceExample> Examples,
    [property: Id(7)] IReadOnlyDictionary<Tier, decimal?> Conversion);

/// <summary>One advisor's triggers under both rule sets.</summary>
/// <param name="InForce">Fired under the rule set in force.</param>
/// <param name="Candidate">Fired under the candidate.</param>
[GenerateSerializer, Immutable, Alias("Engagement.AdvisorDifference")]
public sealed record AdvisorDifference([property: Id(0)] int InForce, [property: Id(1)] int Candidate);

/// <summary>A trigger that fires under one rule set only.</summary>
/// <param name="Change"><c>added</c> (candidate only) or <c>removed</c> (in force only).</param>
/// <param name="TriggerId">The trigger's id (the same under both when both fire it).</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="AdvisorId">The advisor it goes to.</param>
/// <param name="Tier">The customer's tier when it fired.</param>
/// <param name="OccurredAt">The event time that caused it.</param>
/// <param name="Explanation">Its explanation.</param>
[GenerateSerializer, Immutable, Alias("Engagement.DifferenceExample")]
public sealed record DifferenceExample(
    [property: Id(0)] string Change,
    [property: Id(1)] string TriggerId,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] string AdvisorId,
    [property: Id(4)] Tier Tier,
    [property: Id(5)] DateTimeOffset OccurredAt,
    [property: Id(6)] string Explanation);
