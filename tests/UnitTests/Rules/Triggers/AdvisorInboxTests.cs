using Engagement.Advisors;
using Engagement.Customers;
using Engagement.Rules.Triggers;
using Engagement.State;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary>The advisor's inbox: newest version wins, effect counters move once per transition, display order.</summary>
public sealed class AdvisorInboxTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TriggerSettings _settings = new();
    private readonly CustomerState _customer = new() { Exists = true, Profile = { AdvisorId = "A7" } };
    private readonly AdvisorState _advisor = new();

    [Fact]
    public void A_newer_version_replaces_the_older_and_an_older_or_repeated_one_is_ignored()
    {
        var v1 = Fire(TriggerTypes.DepositMatured, "TD-1", T0);
        var v2 = Close(v1, OutcomeKind.Reached, T0.AddHours(1));

        Assert.Equal(new InboxChange(1, v1), AdvisorInbox.Take(_advisor, v1));
        Assert.Equal(new InboxChange(2, v2), AdvisorInbox.Take(_advisor, v2));
        Assert.Null(AdvisorInbox.Take(_advisor, v1));
        Assert.Null(AdvisorInbox.Take(_advisor, v2));
        Assert.Equal([new InboxChange(2, v2)], AdvisorInbox.ChangesSince(_advisor, 0));
        Assert.Empty(AdvisorInbox.ChangesSince(_advisor, 2));

        Assert.Equal(v2, Assert.Single(_advisor.Inbox.Values));
        Assert.Equal([new TriggerTypeMetrics(TriggerTypes.DepositMatured, 1, 1, 0, 0, 1, 1m)], AdvisorInbox.Metrics(_advisor));
    }

    [Fact]
    public void Counters_move_once_per_transition_and_the_contact_rate_is_reached_over_closed()
    {
        OutcomeKind[] outcomes = [OutcomeKind.Reached, OutcomeKind.Opportunity, OutcomeKind.Won, OutcomeKind.Lost,
            OutcomeKind.Unreached, OutcomeKind.Dismissed];
        foreach (var (outcome, i) in outcomes.Select((o, i) => (o, i)))
        {
            var fired = Fire(TriggerTypes.DepositMatured, $"TD-{i}", T0);
            var acknowledged = Close(fired, OutcomeKind.Acknowledged, T0.AddHours(1));
            var closed = Close(acknowledged, outcome, T0.AddHours(2));
            foreach (var version in new[] { fired, acknowledged, closed, closed, acknowledged })
            {
                AdvisorInbox.Take(_advisor, version);
            }
        }
        var open = Fire(TriggerTypes.DepositMatured, "TD-open", T0);
        AdvisorInbox.Take(_advisor, open);
        AdvisorInbox.Take(_advisor, open with { Status = TriggerStatus.Expired, Version = 2 });

        // 7 fired; 6 closed; reached = reached, opportunity, won, lost; opportunity = opportunity, won.
        Assert.Equal([new TriggerTypeMetrics(TriggerTypes.DepositMatured, 7, 4, 2, 1, 6, 0.6667m)], AdvisorInbox.Metrics(_advisor));
    }

    [Fact]
    public void Metrics_are_per_type_in_type_order_with_no_rate_before_anything_closed()
    {
        AdvisorInbox.Take(_advisor, Fire(TriggerTypes.PaymentOverdue, "L-1", T0));
        AdvisorInbox.Take(_advisor, Close(Fire(TriggerTypes.Birthday, "2026", T0), OutcomeKind.Unreached, T0.AddHours(1)));

        Assert.Equal(
            [new TriggerTypeMetrics(TriggerTypes.Birthday, 1, 0, 0, 0, 1, 0m), new TriggerTypeMetrics(TriggerTypes.PaymentOverdue, 1, 0, 0, 0, 0, null)],
            AdvisorInbox.Metrics(_advisor));
    }

    [Fact]
    public void The_inbox_lists_the_most_severe_first_then_the_newest()
    {
        var dividend = Fire(TriggerTypes.Dividend, "e1", T0.AddHours(3));
        var oldMatured = Fire(TriggerTypes.DepositMatured, "TD-1", T0);
        var newMatured = Fire(TriggerTypes.DepositMatured, "TD-2", T0.AddHours(1));
        var maturing = Fire(TriggerTypes.DepositMaturing, "TD-3", T0.AddHours(2));
        var closed = Close(Fire(TriggerTypes.LargeOutflow, "e2", T0.AddMinutes(30)), OutcomeKind.Reached, T0.AddHours(1));
        _customer.Tier.Current = Tier.Private;
        var spike = Fire(TriggerTypes.ActivitySpike, "spike", T0);
        foreach (var trigger in new[] { dividend, oldMatured, newMatured, maturing, spike, closed })
        {
            AdvisorInbox.Take(_advisor, trigger);
        }

        // urgent; high by creation, newest first; normal; info.
        Assert.Equal([spike, newMatured, closed, oldMatured, maturing, dividend], AdvisorInbox.Ordered(_advisor, null));
        Assert.Equal([spike, newMatured, oldMatured, maturing, dividend], AdvisorInbox.Ordered(_advisor, TriggerStatus.Open));
        Assert.Equal([closed], AdvisorInbox.Ordered(_advisor, TriggerStatus.Closed));
    }

    private Trigger Fire(string type, string subject, DateTimeOffset at) =>
        TriggerFiring.Fire(_customer, Customer, new TriggerCandidate(type, subject, at, null, TriggerFacts.Empty, "x", []), at, at, _settings)
        ?? throw new InvalidOperationException($"{type} {subject} did not fire");

    private Trigger Close(Trigger trigger, OutcomeKind outcome, DateTimeOffset at) =>
        TriggerFiring.RecordOutcome(_customer, trigger.TriggerId, new TriggerOutcome(outcome, null, null, at), _settings)
        ?? throw new InvalidOperationException($"{trigger.TriggerId} is not open");
}
