using Engagement.Backtests;
using Engagement.Customers;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.Triggers;

namespace Engagement.UnitTests.Backtests;

/// <summary><see cref="BacktestComparison"/>: counts in the window, differences by triggerId, and the sales past
/// conversion suggests for them.</summary>
public sealed class BacktestComparisonTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    private static readonly BacktestReport Running = new("b1", BacktestStatus.Running, From, To, new BacktestProgress(0, 0, 0, 0),
        new BacktestSide(3, 0), new BacktestSide(null, 0), new Dictionary<string, TypeDifference>(), new Dictionary<string, AdvisorDifference>());

    private static Trigger Fired(string id, string type, DateTimeOffset at, Tier tier = Tier.Standard, string advisor = "A1") => new()
    {
        TriggerId = id, Type = type, Category = TriggerCategory.Abnormal, Severity = Severity.High, CustomerId = "C-" + id, AdvisorId = advisor,
        Tier = tier, DoNotContact = false, Status = TriggerStatus.Open, OccurredAt = at, CreatedAt = at, ExpiresAt = at.AddDays(14),
        Facts = TriggerFacts.Of(), Explanation = "because " + id, SourceEventIds = [], Subject = id,
    };

    [Fact]
    public void Only_triggers_that_occurred_in_the_window_count_both_ends_included()
    {
        var fired = new[]
        {
            Fired("t1", TriggerTypes.LargeOutflow, From), Fired("t2", TriggerTypes.LargeOutflow, To),
            Fired("t3", TriggerTypes.LargeOutflow, From.AddTicks(-1)), Fired("t4", TriggerTypes.LargeOutflow, To.AddTicks(1)),
        };

        var report = BacktestComparison.Compare(Running, fired, fired, (_, _) => null);

        Assert.Equal((BacktestStatus.Done, 3, 2, 2), (report.Status, report.InForce.Version, report.InForce.Triggers, report.Candidate.Triggers));
        var outflows = report.ByType[TriggerTypes.LargeOutflow];
        Assert.Equal((2, 2, 0, 0, 0m, 0m), (outflows.InForce, outflows.Candidate, outflows.Added, outflows.Removed, outflows.ExpectedWonAdded, outflows.ExpectedWonRemoved));
        Assert.Empty(outflows.Examples);
        Assert.Empty(outflows.Conversion);
        Assert.Equal(new AdvisorDifference(2, 2), report.ByAdvisor["A1"]);
    }

    [Fact]
    public void Differences_are_found_by_trigger_id_with_at_most_three_examples_each_oldest_first()
    {
        var inForce = new[] { Fired("kept", TriggerTypes.LargeOutflow, From.AddDays(1)), Fired("gone", TriggerTypes.LargeOutflow, From.AddDays(2), advisor: "A2") };
        var candidate = new[] { Fired("kept", TriggerTypes.LargeOutflow, From.AddDays(1)) }
            .Concat(Enumerable.Range(1, 5).Select(i => Fired($"new{i}", TriggerTypes.LargeOutflow, From.AddDays(10 - i)))).ToList();

        var report = BacktestComparison.Compare(Running, inForce, candidate, (_, _) => null);
        var outflows = report.ByType[TriggerTypes.LargeOutflow];

        Assert.Equal((2, 6, 5, 1), (outflows.InForce, outflows.Candidate, outflows.Added, outflows.Removed));
        Assert.Equal([("added", "new5"), ("added", "new4"), ("added", "new3"), ("removed", "gone")],
            outflows.Examples.Select(e => (e.Change, e.TriggerId)));
        Assert.Equal("because new5", outflows.Examples[0].Explanation);
        Assert.Equal([("A1", 1, 6), ("A2", 1, 0)], report.ByAdvisor.Select(a => (a.Key, a.Value.InForce, a.Value.Candidate)));
    }

    [Fact]
    public void Past_conversion_of_each_type_and_tier_weighs_the_differences_and_an_unknown_one_leaves_them_unweighed()
    {
        var candidate = new[]
        {
            Fired("w1", TriggerTypes.LargeOutflow, From.AddDays(1), Tier.Wealth), Fired("w2", TriggerTypes.LargeOutflow, From.AddDays(2), Tier.Wealth),
            Fired("s1", TriggerTypes.LargeOutflow, From.AddDays(3)),
        };
        var inForce = new[] { Fired("p1", TriggerTypes.LargeOutflow, From.AddDays(4), Tier.Private) };
        decimal? Conversion(string type, Tier tier) => (type, tier) switch
        {
            (TriggerTypes.LargeOutflow, Tier.Wealth) => 0.25m,
            (TriggerTypes.LargeOutflow, Tier.Standard) => 0.3333m,
            _ => null,
        };

        var outflows = BacktestComparison.Compare(Running, inForce, candidate, Conversion).ByType[TriggerTypes.LargeOutflow];

        Assert.Equal((0.83m, (decimal?)null), (outflows.ExpectedWonAdded, outflows.ExpectedWonRemoved));
        Assert.Equal([(Tier.Standard, 0.3333m), (Tier.Wealth, 0.25m), (Tier.Private, (decimal?)null)],
            outflows.Conversion.Select(c => (c.Key, c.Value)));
    }
}
