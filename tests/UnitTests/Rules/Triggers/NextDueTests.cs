using Engagement.Events;
using Engagement.Rules.Triggers;
using Engagement.State;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary><see cref="Engagement.Rules.CustomerRules.NextDue"/>: when a quiet customer must be woken next.</summary>
public sealed class NextDueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TriggerHarness _kit = new();

    [Fact]
    public void An_unknown_customer_is_never_due() => Assert.Null(_kit.Rules.NextDue(new CustomerState(), T0));

    // Registered (onboarding open until T0 + 14 d) with a deposit maturing on 2026-04-13: its reminder at 2026-04-06 00:00
    // comes first, then the onboarding's expiry, then the reminder's own.
    [Fact]
    public void The_earliest_future_moment_is_next_and_each_wake_moves_on()
    {
        _kit.Apply(Registered("e1", T0), Opened("e2", T0, "TD-1", AccountType.TermDeposit, 200_000m, new DateOnly(2026, 4, 13)));
        var reminder = new DateTimeOffset(2026, 4, 6, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(reminder, _kit.Rules.NextDue(_kit.State, T0));

        Assert.Equal([TriggerTypes.DepositMaturing], TriggerHarness.Types(_kit.Advance(reminder)));
        Assert.Equal(T0.AddDays(14), _kit.Rules.NextDue(_kit.State, reminder));
        _kit.Advance(T0.AddDays(14));
        Assert.Equal(reminder.AddDays(14), _kit.Rules.NextDue(_kit.State, T0.AddDays(14)));
    }

    // Only a card account, never registered: dormancy at T0 + 90 d, then the expiry of what it fired, then nothing.
    [Fact]
    public void Nothing_is_due_once_every_reminder_fired_and_every_trigger_expired()
    {
        _kit.Apply(Opened("e1", T0, "CC-1", AccountType.CreditCard, 0m));
        Assert.Equal(T0.AddDays(90), _kit.Rules.NextDue(_kit.State, T0));
        Assert.Equal([TriggerTypes.Decline, TriggerTypes.Dormant], TriggerHarness.Types(_kit.Advance(T0.AddDays(90))));
        Assert.Equal(T0.AddDays(104), _kit.Rules.NextDue(_kit.State, T0.AddDays(90)));
        _kit.Advance(T0.AddDays(104));
        Assert.Null(_kit.Rules.NextDue(_kit.State, T0.AddDays(104)));
    }

    [Fact]
    public void A_running_grace_period_is_due_at_its_end()
    {
        _kit.Apply(Opened("e1", T0, "S-1", AccountType.Savings, 600_000m), Debit("e2", T0.AddDays(20), "S-1", 150_000m, 450_000m));
        _kit.Advance(T0.AddDays(35));
        Assert.Equal(T0.AddDays(50), _kit.Rules.NextDue(_kit.State, T0.AddDays(35)));
    }

    // Registered on 2026-04-01, after the 2026 birthday (10 March), and never active: woken only when NextDue says, the
    // customer still gets each later birthday reminder, as a customer woken every day does.
    [Fact]
    public void A_customer_woken_only_when_due_gets_the_same_triggers_as_one_woken_every_day()
    {
        var until = new DateTimeOffset(2028, 5, 1, 9, 0, 0, TimeSpan.Zero);
        CustomerEvent[] events =
        [
            Registered("e1", T0, birthDate: new DateOnly(1985, 3, 10), joinedAt: new DateOnly(2019, 6, 1)),
            Opened("e2", T0, "TD-1", AccountType.TermDeposit, 200_000m, new DateOnly(2026, 9, 30)),
            Due("e3", T0, "CC-1", new DateOnly(2026, 5, 10), 3_000m),
            Purchased("e4", T0, "F-1", 1_000m, 1.00m),
        ];
        var daily = new TriggerHarness();
        daily.Daily(T0, until, events);
        _kit.Apply(events);
        _kit.FollowNextDue(T0, until);

        Assert.Equal(["2027", "2028"], _kit.Triggers.Where(t => t.Type == TriggerTypes.Birthday).Select(t => t.Subject));
        Assert.Equal(daily.Triggers.Select(t => (t.Type, t.Subject, t.Status)), _kit.Triggers.Select(t => (t.Type, t.Subject, t.Status)));
    }
}
