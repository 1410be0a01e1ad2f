using Engagement.Backtests;
using Engagement.Events;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Backtests;

/// <summary><see cref="RuleFold"/>: a rule set folded over retained input as live ingest and the products would apply it.</summary>
public sealed class RuleFoldTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly RuleFold _fold = new(new CustomerRules(new RuleSettings(), new TriggerSettings()));

    private static NavUpdated Nav(string id, decimal nav, DateTimeOffset asOf) => new(id, "F-1", nav, asOf, asOf);

    [Fact]
    public void A_new_holder_learns_the_latest_nav_as_it_would_from_the_product()
    {
        _fold.Apply(Nav("n1", 1.20m, T0), T0);
        _fold.Apply(Registered("e1", T0.AddHours(1)), T0.AddHours(1));
        _fold.Apply(Purchased("e2", T0.AddHours(2), "F-1", 1_000m, 1.00m), T0.AddHours(2));

        Assert.Equal(1.20m, _fold.StateOf(Customer)!.Holdings["F-1"].Nav);
        Assert.Equal([TriggerTypes.Onboarding, TriggerTypes.TakeProfit], _fold.Fired.Select(t => t.Type).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_nav_revalues_every_holder_and_an_older_one_changes_nothing()
    {
        _fold.Apply(Registered("e1", T0), T0);
        _fold.Apply(Purchased("e2", T0.AddHours(1), "F-1", 1_000m, 1.00m), T0.AddHours(1));
        _fold.Apply(Nav("n1", 0.85m, T0.AddDays(1)), T0.AddDays(1));
        _fold.Apply(Nav("n0", 1.30m, T0.AddHours(12)), T0.AddDays(1).AddMinutes(1));

        Assert.Equal(0.85m, _fold.StateOf(Customer)!.Holdings["F-1"].Nav);
        Assert.Equal([TriggerTypes.Onboarding, TriggerTypes.StopLoss], _fold.Fired.Select(t => t.Type).Order(StringComparer.Ordinal));
        Assert.Equal(1, _fold.Customers);
    }

    [Fact]
    public void The_clock_fires_what_falls_due_up_to_the_end_of_the_window()
    {
        _fold.Apply(Registered("e1", T0), T0);
        _fold.Apply(Opened("e2", T0, "TD-1", AccountType.TermDeposit, 100_000m, DateOnly.FromDateTime(T0.UtcDateTime.AddDays(20))), T0);

        _fold.AdvanceTo(T0.AddDays(12));
        Assert.DoesNotContain(_fold.Fired, t => t.Type == TriggerTypes.DepositMaturing);
        _fold.AdvanceTo(T0.AddDays(13));
        Assert.Single(_fold.Fired, t => t.Type == TriggerTypes.DepositMaturing);
    }
}
