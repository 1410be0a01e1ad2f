using Engagement.UnitTests.Rules.Triggers.Explanations;
using Engagement.Advisors;
using Engagement.Customers;
using Engagement.Rules.Triggers;
using Engagement.State;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary>The advisor's inbox: newest version wins, effect counters move once per transition, display order.</summary>
public sealed partial class AdvisorInboxTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TriggerSettings _settings = new();
    private readonly CustomerState _customer = new() { Exists = true, Profile = { AdvisorId = "A7" } };
    private readonly AdvisorShardState[] _inbox = Enumerable.Range(0, AdvisorInbox.Shards).Select(_ => new AdvisorShardState()).ToArray();
    private long _lastSequence;

    [Fact]
    public void A_newer_version_replaces_the_older_and_an_older_or_repeated_one_is_ignored()
    {
        var v1 = Fire(TriggerTypes.DepositMatured, "TD-1", T0);
        var v2 = Close(v1, OutcomeKind.Reached, T0.AddHours(1));

        Assert.Equal(new InboxChange(1, v1), Take(v1));
        Assert.Equal(new InboxChange(2, v2), Take(v2));
        Assert.Null(Take(v1));
        Assert.Null(Take(v2));
        Assert.Equal([new InboxChange(2, v2)], AdvisorInbox.ChangesSince(_inbox, 0));
        Assert.Empty(AdvisorInbox.ChangesSince(_inbox, 2));

        Assert.Equal(v2, Assert.Single(AdvisorInbox.Ordered(_inbox, null)));
        Assert.Equal([new TriggerTypeMetrics(TriggerTypes.DepositMatured, 1, 1, 0, 0, 1, 1m)], AdvisorInbox.Metrics(_inbox));
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
                Take(version);
            }
        }
        var open = Fire(TriggerTypes.DepositMatured, "TD-open", T0);
        Take(open);
        Take(open with { Status = TriggerStatus.Expired, Version = 2 });

        // 7 fired; 6 closed; reached = reached, opportunity, won, lost; opportunity = opportunity, won.
        Assert.Equal([new TriggerTypeMetrics(TriggerTypes.DepositMatured, 7, 4, 2, 1, 6, 0.6667m)], AdvisorInbox.Metrics(_inbox));
    }

    [Fact]
    public void Metrics_are_per_type_in_type_order_with_no_rate_before_anything_closed()
    {
        Take(Fire(TriggerTypes.PaymentOverdue, "L-1", T0));
        Take(Close(Fire(TriggerTypes.Birthday, "2026", T0), OutcomeKind.Unreached, T0.AddHours(1)));

        Assert.Equal(
            [new TriggerTypeMetrics(TriggerTypes.Birthday, 1, 0, 0, 0, 1, 0m), new TriggerTypeMetrics(TriggerTypes.PaymentOverdue, 1, 0, 0, 0, 0, null)],
            AdvisorInbox.Metrics(_inbox));
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
            Take(trigger);
        }

        // urgent; high by creation, newest first; normal; info.
        Assert.Equal([spike, newMatured, closed, oldMatured, maturing, dividend], AdvisorInbox.Ordered(_inbox, null));
        Assert.Equal([spike, newMatured, oldMatured, maturing, dividend], AdvisorInbox.Ordered(_inbox, TriggerStatus.Open));
        Assert.Equal([closed], AdvisorInbox.Ordered(_inbox, TriggerStatus.Closed));
    }

    [Fact]
    public void Shards_share_one_sequence_and_the_inbox_metrics_and_changes_span_them()
    {
        var other = new CustomerState { Exists = true, Profile = { AdvisorId = "A7" } };
        var mine = Fire(TriggerTypes.DepositMatured, "TD-1", T0);
        var theirs = Fire(other, OtherCustomer(), TriggerTypes.DepositMatured, "TD-9", T0.AddHours(1));
        var mineClosed = Close(mine, OutcomeKind.Won, T0.AddHours(2));

        Assert.Equal([1L, 2L, 3L], new[] { mine, theirs, mineClosed }.Select(t => Take(t)?.Sequence));

        Assert.Equal(3, AdvisorInbox.LastSequence(_inbox));
        Assert.Equal([new InboxChange(2, theirs), new InboxChange(3, mineClosed)], AdvisorInbox.ChangesSince(_inbox, 0));
        Assert.Equal([theirs, mineClosed], AdvisorInbox.Ordered(_inbox, null));
        Assert.Equal(theirs, AdvisorInbox.Find(_inbox, theirs.TriggerId));
        Assert.Equal([new TriggerTypeMetrics(TriggerTypes.DepositMatured, 2, 1, 1, 1, 1, 1m)], AdvisorInbox.Metrics(_inbox));
    }

    [Fact]
    public void A_customer_who_moves_takes_their_open_triggers_and_leaves_the_closed_ones()
    {
        var open = Fire(TriggerTypes.DepositMatured, "TD-1", T0);
        var closed = Close(Fire(TriggerTypes.Birthday, "2026", T0), OutcomeKind.Reached, T0.AddHours(1));
        Take(open);
        Take(closed);

        Assert.True(AdvisorInbox.RemoveOpen(_inbox[AdvisorInbox.ShardOf(Customer)], Customer));
        Assert.False(AdvisorInbox.RemoveOpen(_inbox[AdvisorInbox.ShardOf(Customer)], Customer));

        Assert.Equal([closed], AdvisorInbox.Ordered(_inbox, null));
        Assert.Equal([new InboxChange(2, closed)], AdvisorInbox.ChangesSince(_inbox, 0));
    }

    [Fact]
    public void A_shard_keeps_every_open_trigger_and_only_its_newest_closed_ones()
    {
        var closed = Enumerable.Range(0, AdvisorInbox.ClosedKeptPerShard + 3)
            .Select(i => Close(Fire(TriggerTypes.DepositMatured, $"TD-{i}", T0.AddMinutes(i)), OutcomeKind.Reached, T0.AddDays(1)))
            .ToList();
        var open = Enumerable.Range(0, 40).Select(i => Fire(TriggerTypes.DepositMaturing, $"TD-{i}", T0)).ToList();
        closed.Concat(open).ToList().ForEach(t => Take(t));

        Assert.Equal(open.Count, AdvisorInbox.Ordered(_inbox, TriggerStatus.Open).Count);
        Assert.Equal(closed.Skip(3).Select(t => t.TriggerId).Order(StringComparer.Ordinal),
            AdvisorInbox.Ordered(_inbox, TriggerStatus.Closed).Select(t => t.TriggerId).Order(StringComparer.Ordinal));
        Assert.Equal(closed.Count, AdvisorInbox.Metrics(_inbox).Single(m => m.Type == TriggerTypes.DepositMatured).Closed);
    }

    // What the advisor grain does with each delivered trigger.
    private InboxChange? Take(Trigger trigger) => Deliver(trigger).Change;

    private Taken Deliver(Trigger trigger)
    {
        var taken = AdvisorInbox.Take(_inbox, trigger, _lastSequence, Workload.Of(_settings));
        _lastSequence = taken.Change?.Sequence ?? _lastSequence;
        return taken;
    }

    // A customer whose triggers go to another shard than Customer's.
    private static string OtherCustomer() =>
        Enumerable.Range(1, 100).Select(i => $"C{i}").First(id => AdvisorInbox.ShardOf(id) != AdvisorInbox.ShardOf(Customer));

    private Trigger Fire(string type, string subject, DateTimeOffset at) => Fire(_customer, Customer, type, subject, at);

    private Trigger Fire(CustomerState customer, string customerId, string type, string subject, DateTimeOffset at) =>
        TriggerFiring.Fire(customer, customerId, new TriggerCandidate(type, subject, at, null, SampleFacts.For(type), []), at, at, _settings)
        ?? throw new InvalidOperationException($"{type} {subject} did not fire");

    private Trigger Close(Trigger trigger, OutcomeKind outcome, DateTimeOffset at) =>
        TriggerFiring.RecordOutcome(_customer, trigger.TriggerId, new TriggerOutcome(outcome, null, null, at), _settings)
        ?? throw new InvalidOperationException($"{trigger.TriggerId} is not open");
}
