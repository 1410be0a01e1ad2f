using Engagement.UnitTests.Rules.Triggers.Explanations;
using Engagement.Events;
using Engagement.Rules.Triggers;
using Engagement.State;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary>Who a trigger goes to: <c>doNotContact</c> suppression and the <c>unassigned</c> queue.</summary>
public sealed class DeliveryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TriggerHarness _kit = new();

    public static TheoryData<string> Types => [.. TriggerTypes.Catalogue.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Types))]
    public void Do_not_contact_suppresses_all_but_abnormal_and_overdue_which_are_delivered_flagged(string type)
    {
        var state = new CustomerState { Exists = true, Profile = { AdvisorId = "A7", DoNotContact = true } };
        var trigger = TriggerFiring.Fire(state, Customer, new TriggerCandidate(type, "s", T0, null, SampleFacts.For(type), []), T0, T0, new TriggerSettings());

        var delivered = type.StartsWith("movement.", StringComparison.Ordinal) || type == TriggerTypes.PaymentOverdue;
        Assert.NotNull(trigger);
        Assert.True(trigger.DoNotContact);
        Assert.Equal(delivered ? TriggerStatus.Open : TriggerStatus.Suppressed, trigger.Status);
        Assert.Equal([trigger], state.Triggers.Triggers);
        Assert.Equal(delivered ? [trigger] : [], state.Triggers.Outbox);
    }

    [Fact]
    public void A_do_not_contact_customer_is_recorded_but_only_reached_for_the_abnormal_and_the_overdue()
    {
        _kit.Apply(Registered("e1", T0, doNotContact: true), Opened("e2", T0, "CA-1", AccountType.Current, 400_000m));
        _kit.Apply(Overdue("e3", T0.AddHours(1), "L-1", 5, 3_000m), Dividend("e4", T0.AddHours(2), "F-1", 120m),
            Debit("e5", T0.AddHours(3), "CA-1", 50_000m, 350_000m));

        Assert.Equal(
            [(TriggerTypes.Onboarding, TriggerStatus.Suppressed), (TriggerTypes.PaymentOverdue, TriggerStatus.Open),
                (TriggerTypes.Dividend, TriggerStatus.Suppressed), (TriggerTypes.LargeOutflow, TriggerStatus.Open)],
            _kit.Triggers.Select(t => (t.Type, t.Status)));
        Assert.All(_kit.Triggers, t => Assert.True(t.DoNotContact));
        Assert.Equal([TriggerTypes.PaymentOverdue, TriggerTypes.LargeOutflow], _kit.State.Triggers.Outbox.Select(t => t.Type));
    }

    [Fact]
    public void Consent_given_again_delivers_the_next_triggers()
    {
        _kit.Apply(Registered("e1", T0, doNotContact: true), Consent("e2", T0.AddDays(1), doNotContact: false));
        var trigger = Assert.Single(_kit.Apply(Dividend("e3", T0.AddDays(2), "F-1", 120m)));
        Assert.Equal(TriggerStatus.Open, trigger.Status);
        Assert.False(trigger.DoNotContact);
        Assert.Equal([trigger], _kit.State.Triggers.Outbox);
    }

    [Fact]
    public void A_customer_without_advisor_goes_to_the_unassigned_queue_until_one_is_assigned_and_open_triggers_follow()
    {
        var onboarding = Assert.Single(_kit.Apply(Registered("e1", T0, advisorId: null)));
        Assert.Equal("unassigned", onboarding.AdvisorId);

        _kit.Apply(Assigned("e2", T0.AddDays(1), "A9"));
        var overdue = Assert.Single(_kit.Apply(Overdue("e3", T0.AddDays(2), "L-1", 5, 3_000m)));
        Assert.Equal("A9", overdue.AdvisorId);
        var moved = _kit.Single(TriggerTypes.Onboarding);
        Assert.Equal((onboarding.TriggerId, "A9", 2), (moved.TriggerId, moved.AdvisorId, moved.Version));
    }

    [Fact]
    public void Events_before_registration_go_to_the_unassigned_queue()
    {
        var matured = Assert.Single(_kit.Apply(Matured("e1", T0, "TD-1", 500_000m)));
        Assert.Equal(TriggerFiring.Unassigned, matured.AdvisorId);
        Assert.Equal("""{"accountId":"TD-1","amount":500000,"maturedOn":"2026-04-01"}""", matured.Facts.Json);
        Assert.Equal("Term deposit TD-1 matured on 2026-04-01 paying 500,000.00: call now, before the funds move elsewhere.", matured.Explanation);
    }
}
