using Engagement.Events;
using Engagement.Products;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.State;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary>One customer driven through the pure rules with the default settings; every step returns the triggers it
/// created. The wall clock stands at each event's (or NAV's) own time plus <see cref="Lag"/>, unless a step says otherwise.</summary>
internal sealed class TriggerHarness
{
    public CustomerRules Rules { get; } = new(new RuleSettings(), new TriggerSettings());

    public CustomerState State { get; } = new();

    public TriggerSettings Settings => Rules.Triggers;

    /// <summary>How long after an event (or a NAV) the engine processes it: the wall clock is that much ahead.</summary>
    public TimeSpan Lag { get; init; }

    /// <summary>Every trigger the customer keeps, oldest first.</summary>
    public IReadOnlyList<Trigger> Triggers => State.Triggers.Triggers;

    /// <summary>Applies the events in order, each at its own time plus <see cref="Lag"/>.</summary>
    public IReadOnlyList<Trigger> Apply(params CustomerEvent[] events) => Created(() =>
    {
        foreach (var e in events)
        {
            Rules.Apply(State, e, e.OccurredAt + Lag);
        }
    });

    /// <summary>Publishes a NAV for a product as of <paramref name="at"/>.</summary>
    public IReadOnlyList<Trigger> Nav(string productId, decimal nav, DateTimeOffset at) =>
        Created(() => Rules.ApplyNav(State, Customer, new ProductNav(productId, nav, at), at + Lag));

    /// <summary>Wakes the customer with the wall clock at <paramref name="now"/>.</summary>
    public IReadOnlyList<Trigger> Advance(DateTimeOffset now) => Created(() => Rules.AdvanceClock(State, Customer, now));

    /// <summary>Posts <paramref name="count"/> card purchases of 100.00 one minute apart from <paramref name="start"/>.</summary>
    public IReadOnlyList<Trigger> Burst(string prefix, DateTimeOffset start, int count) =>
        Apply(Enumerable.Range(0, count)
            .Select(i => (CustomerEvent)Debit($"{prefix}-{i}", start.AddMinutes(i), "CC-1", 100m, null, TransactionKind.CardPurchase))
            .ToArray());

    /// <summary>Walks the wall clock one day at a time from <paramref name="from"/> to <paramref name="until"/> (inclusive),
    /// applying each event once the clock reaches its time; returns the day and type of every trigger created.</summary>
    public IReadOnlyList<(DateOnly Day, string Type)> Daily(DateTimeOffset from, DateTimeOffset until, params CustomerEvent[] events)
    {
        var pending = new Queue<CustomerEvent>(events.OrderBy(e => e.OccurredAt));
        var timeline = new List<(DateOnly, string)>();
        for (var now = from; now <= until; now = now.AddDays(1))
        {
            var created = new List<Trigger>();
            while (pending.TryPeek(out var next) && next.OccurredAt <= now)
            {
                created.AddRange(Apply(pending.Dequeue()));
            }
            created.AddRange(Advance(now));
            timeline.AddRange(Types(created).Select(type => (DateOnly.FromDateTime(now.UtcDateTime), type)));
        }
        return timeline;
    }

    /// <summary>Wakes the customer only when <see cref="CustomerRules.NextDue"/> asks, as the schedule does, until
    /// <paramref name="until"/>.</summary>
    public void FollowNextDue(DateTimeOffset from, DateTimeOffset until)
    {
        for (var next = Rules.NextDue(State, from); next is { } due && due <= until; next = Rules.NextDue(State, due))
        {
            Rules.AdvanceClock(State, Customer, due);
        }
    }

    /// <summary>Records an advisor's outcome on the trigger.</summary>
    public Trigger? Outcome(Trigger trigger, OutcomeKind outcome, DateTimeOffset at) =>
        TriggerFiring.RecordOutcome(State, trigger.TriggerId, new TriggerOutcome(outcome, null, null, at), Settings);

    /// <summary>The only trigger of a type the customer keeps.</summary>
    public Trigger Single(string type) => Triggers.Single(t => t.Type == type);

    /// <summary>The types of the triggers, in ordinal order.</summary>
    public static string[] Types(IEnumerable<Trigger> triggers) => triggers.Select(t => t.Type).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The expected types of a boundary case: the type when it fires, else none.</summary>
    public static string[] FiredIf(bool fires, string type) => fires ? [type] : [];

    private List<Trigger> Created(Action step)
    {
        var known = Triggers.Select(t => t.TriggerId).ToHashSet(StringComparer.Ordinal);
        step();
        return Triggers.Where(t => !known.Contains(t.TriggerId)).ToList();
    }
}
