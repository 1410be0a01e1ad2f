using Engagement.Advisors;
using Engagement.Checkpoints;
using Engagement.Effects;
using Engagement.Products;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.Schedule;
using Engagement.State;
using Engagement.Triggers;

namespace Engagement.Customers;

/// <summary>What one customer's state owes the rest of the engine: undelivered triggers, a book to join, a wake-up to
/// schedule, products to join or leave as a holder, ledger entries to archive. Posted after every turn, and again
/// after activation, since the state that holds it is checkpointed.</summary>
/// <remarks>Call under the state's lock. Each effect is posted once per activation; its acknowledgement settles the
/// state (an outbox entry goes, <see cref="CustomerState.BookedWith"/> moves) under the same lock.</remarks>
internal sealed class CustomerOutbox(string customerId, CheckpointedState<CustomerState> handle, EffectDispatcher effects, RuleBook rules)
{
    // Each collection exists only while it holds something: most customers are quiet most of the time, and an emptied
    // collection would keep its arrays for the activation's life.
    private HashSet<Trigger>? _triggers;
    private Dictionary<Trigger, string>? _traces;
    private HashSet<string>? _holders;
    private HashSet<LedgerEntry>? _archiving;
    private string? _bookingTo;
    private int _bookingGeneration;
    private DateTimeOffset? _scheduling;

    /// <summary>Whether nothing posted is still on its way: no acknowledgement will change the state, so it may be packed.</summary>
    public bool Quiet => _triggers is null && _traces is null && _holders is null && _archiving is null
        && _bookingTo is null && _scheduling is null;

    /// <summary>Whether an acknowledgement changed the state since <see cref="ClearSettled"/>: worth a write before the
    /// activation goes, though nothing is lost without it.</summary>
    public bool Settled { get; private set; }

    /// <summary>Forgets that acknowledgements changed the state (a checkpoint is about to hold them).</summary>
    public void ClearSettled() => Settled = false;

    /// <summary>Notes that the triggers fired since the last note, not yet on their way, were fired under
    /// <paramref name="traceParent"/>: they carry it to the advisor and to <c>eng.triggers</c>.</summary>
    public void Trace(string? traceParent)
    {
        if (traceParent is null)
        {
            return;
        }
        foreach (var trigger in State.Triggers.Outbox)
        {
            if (_triggers?.Contains(trigger) != true)
            {
                (_traces ??= new(ReferenceEqualityComparer.Instance)).TryAdd(trigger, traceParent);
            }
        }
    }

    /// <summary>Posts whatever the state owes that is not yet on its way, at <paramref name="now"/>.</summary>
    public void Post(DateTimeOffset now)
    {
        PostTriggers();
        PostBook();
        PostSchedule(now);
        PostHolders();
        PostArchive();
    }

    // Each trigger goes to its advisor, whose inbox decides the digest flag and publishes it to eng.triggers with it;
    // it leaves the outbox once the advisor has done both. A trace noted for a version that a later one replaced before
    // it went is dropped with it.
    private void PostTriggers()
    {
        foreach (var trigger in State.Triggers.Outbox)
        {
            if ((_triggers ??= new(ReferenceEqualityComparer.Instance)).Add(trigger))
            {
                effects.Deliver(trigger.AdvisorId, AdvisorEffect.Of(trigger, _traces?.GetValueOrDefault(trigger)), () => Settle(() =>
                {
                    Drop(ref _triggers, trigger);
                    State.Triggers.Outbox.Remove(trigger);
                }));
            }
        }
        _traces = null;
    }

    // The book follows the customer's current advisor. A customer with no advisor joins the unassigned book once
    // registered: records that overtake the registration on another topic would otherwise book them there for a moment.
    private void PostBook()
    {
        var advisorId = State.Profile.AdvisorId ?? TriggerFiring.Unassigned;
        var current = _bookingTo ?? State.BookedWith;
        if (current == advisorId || (current is null && advisorId == TriggerFiring.Unassigned && State.Triggers.RegisteredOn is null))
        {
            return;
        }
        var generation = ++_bookingGeneration;
        var pending = current is null ? 1 : 2;
        _bookingTo = advisorId;
        Action done = () => Settle(() =>
        {
            if (--pending == 0 && generation == _bookingGeneration)
            {
                State.BookedWith = advisorId;
                _bookingTo = null;
            }
        });
        effects.Deliver(advisorId, AdvisorEffect.Join(customerId), done);
        if (current is not null)
        {
            effects.Deliver(current, AdvisorEffect.Leave(customerId), done);
        }
    }

    // One next-due moment per customer; a crash before the schedule has it leaves ScheduledWakeAt as it was, and the
    // next activation asks again.
    private void PostSchedule(DateTimeOffset now)
    {
        if (rules.Current.NextDue(State, now) is not { } due
            || (State.ScheduledWakeAt is { } scheduled && due >= scheduled && scheduled > now)
            || _scheduling == due)
        {
            return;
        }
        _scheduling = due;
        effects.Schedule(new DueEntry(customerId, due), () => Settle(() =>
        {
            if (_scheduling == due)
            {
                State.ScheduledWakeAt = due;
                _scheduling = null;
            }
        }));
    }

    private void PostHolders()
    {
        foreach (var (productId, holding) in State.Holdings)
        {
            if (!holding.HolderRegistered && (_holders ??= new(StringComparer.Ordinal)).Add(productId))
            {
                effects.UpdateHolder(productId, new HolderChange(customerId, true), () => Settle(() =>
                {
                    Drop(ref _holders, productId);
                    if (State.Holdings.TryGetValue(productId, out var held))
                    {
                        held.HolderRegistered = true;
                    }
                }));
            }
        }
        foreach (var productId in State.LeftProducts)
        {
            var key = "-" + productId;
            if ((_holders ??= new(StringComparer.Ordinal)).Add(key))
            {
                effects.UpdateHolder(productId, new HolderChange(customerId, false), () => Settle(() =>
                {
                    Drop(ref _holders, key);
                    State.LeftProducts.Remove(productId);
                }));
            }
        }
    }

    private void PostArchive()
    {
        if (State.Points.ToArchive.Count == 0)
        {
            return;
        }
        var archiving = _archiving ??= [];
        var leaving = State.Points.ToArchive.Where(archiving.Add).ToList();
        if (leaving.Count > 0)
        {
            effects.Archive(customerId, leaving, () => Settle(() =>
            {
                leaving.ForEach(entry =>
                {
                    State.Points.ToArchive.Remove(entry);
                    Drop(ref _archiving, entry);
                });
            }));
        }
    }

    // Removes the item, and the set once it is empty.
    private static void Drop<T>(ref HashSet<T>? set, T item)
    {
        if (set is not null && set.Remove(item) && set.Count == 0)
        {
            set = null;
        }
    }

    // Read at each use: the state is unpacked again after it was packed.
    private CustomerState State => handle.State;

    private void Settle(Action change)
    {
        lock (handle.Gate)
        {
            change();
            Settled = true;
        }
    }
}
