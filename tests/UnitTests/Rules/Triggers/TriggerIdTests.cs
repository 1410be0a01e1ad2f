using Engagement.Events;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary>Trigger ids are derived from what caused the trigger: the same inputs give the same ids, a redelivery none.</summary>
public sealed class TriggerIdTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly CustomerEvent[] Story =
    [
        Registered("e1", T0, birthDate: new DateOnly(1985, 4, 20)),
        Opened("e2", T0, "CA-1", AccountType.Current, 600_000m),
        Opened("e3", T0, "TD-1", AccountType.TermDeposit, 100_000m, new DateOnly(2026, 5, 1)),
        Debit("e4", T0.AddDays(1), "CA-1", 250_000m, 350_000m, TransactionKind.TransferOut, new Counterparty(null, "ICBC", true)),
        Purchased("e5", T0.AddDays(2), "F-1", 1_000m, 1.00m),
        Due("e6", T0.AddDays(3), "CC-1", new DateOnly(2026, 4, 30), 2_000m),
    ];

    [Fact]
    public void The_same_events_and_clock_give_the_same_trigger_ids()
    {
        var first = Run();
        var second = Run();

        Assert.Equal(
            [
                (TriggerTypes.Onboarding, "registration"), (TriggerTypes.TierUpgraded, "wealth"), (TriggerTypes.TierDowngradeRisk, "wealth"),
                (TriggerTypes.ExternalTransfer, "e4"), (TriggerTypes.TakeProfit, "F-1"),
                (TriggerTypes.FollowUp, "F-1"), (TriggerTypes.Birthday, "2026"), (TriggerTypes.DepositMaturing, "TD-1"),
                (TriggerTypes.PaymentDue, "CC-1@2026-04-30"), (TriggerTypes.TierDowngraded, "wealth->standard"),
            ],
            first.Triggers.Select(t => (t.Type, t.Subject)));
        Assert.Equal(first.Triggers.Select(t => (t.Type, t.TriggerId)), second.Triggers.Select(t => (t.Type, t.TriggerId)));
        Assert.All(first.Triggers, t => Assert.Matches("^t-[0-9a-f]{24}$", t.TriggerId));
        Assert.Equal(first.Triggers.Count, first.Triggers.Select(t => t.TriggerId).Distinct().Count());
    }

    [Fact]
    public void A_redelivered_event_fires_nothing_and_delivers_nothing_again()
    {
        var kit = Run();
        kit.State.Triggers.Outbox.Clear();
        var before = kit.Triggers.ToList();

        foreach (var e in Story)
        {
            Assert.Equal(ApplyResult.Duplicate, kit.Rules.Apply(kit.State, e, T0.AddDays(40)));
        }
        Assert.Equal(before, kit.Triggers);
        Assert.Empty(kit.State.Triggers.Outbox);
    }

    [Fact]
    public void The_id_depends_on_customer_type_subject_and_cause_time()
    {
        var id = TriggerIds.For("C1", TriggerTypes.Birthday, "2026", T0);
        Assert.Equal(id, TriggerIds.For("C1", TriggerTypes.Birthday, "2026", T0.ToOffset(TimeSpan.FromHours(8))));
        Assert.NotEqual(id, TriggerIds.For("C2", TriggerTypes.Birthday, "2026", T0));
        Assert.NotEqual(id, TriggerIds.For("C1", TriggerTypes.Anniversary, "2026", T0));
        Assert.NotEqual(id, TriggerIds.For("C1", TriggerTypes.Birthday, "2027", T0));
        Assert.NotEqual(id, TriggerIds.For("C1", TriggerTypes.Birthday, "2026", T0.AddTicks(1)));
    }

    // The engine processes an event some time after it happened: the wall clock is then ahead of the event time. What an
    // event or a NAV causes carries that event's time, so its id is the same however late it is processed.
    [Fact]
    public void Triggers_caused_by_an_event_carry_its_time_however_late_it_is_processed()
    {
        var soon = Process(TimeSpan.FromSeconds(1));
        var late = Process(TimeSpan.FromMinutes(10));

        Assert.Equal(
            [
                (TriggerTypes.Onboarding, T0), (TriggerTypes.TierUpgraded, T0.AddHours(1)), (TriggerTypes.TierDowngradeRisk, T0.AddHours(3)),
                (TriggerTypes.TakeProfit, T0.AddHours(4)),
            ],
            late.Select(t => (t.Type, t.OccurredAt)));
        Assert.Equal(soon.Select(t => t.TriggerId), late.Select(t => t.TriggerId));
        Assert.All(late, t => Assert.Equal(t.OccurredAt + TimeSpan.FromMinutes(10), t.CreatedAt));
    }

    private static IReadOnlyList<Trigger> Process(TimeSpan lag)
    {
        var kit = new TriggerHarness { Lag = lag };
        kit.Apply(Registered("e1", T0), Opened("e2", T0.AddHours(1), "CA-1", AccountType.Current, 600_000m),
            Purchased("e3", T0.AddHours(2), "F-1", 1_000m, 1.00m), Debit("e4", T0.AddHours(3), "CA-1", 150_000m, 450_000m));
        kit.Nav("F-1", 1.10m, T0.AddHours(4));
        return kit.Triggers;
    }

    // The story, a NAV a week later, and the wall clock walked daily to day 40.
    private static TriggerHarness Run()
    {
        var kit = new TriggerHarness();
        kit.Daily(T0, T0.AddDays(6), Story);
        kit.Nav("F-1", 1.10m, T0.AddDays(7).AddHours(1));
        kit.Daily(T0.AddDays(7), T0.AddDays(40));
        return kit;
    }
}
