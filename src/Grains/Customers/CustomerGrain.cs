using Engagement.Checkpoints;
using Engagement.Effects;
using Engagement.Events;
using Engagement.Points;
using Engagement.Products;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.State;
using Engagement.Telemetry;
using Engagement.Triggers;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Serialization;

namespace Engagement.Customers;

/// <summary>One customer: applies their events through the rules in memory and answers at once; the state is made
/// durable by the silo's <see cref="Checkpointer"/>, and what the events cause elsewhere goes out through the
/// <see cref="EffectDispatcher"/> after the turn.</summary>
/// <remarks>Reentrant: every call changes the state synchronously, under the state's lock, before its first await,
/// so calls may wait for a checkpoint side by side. Ingest sends a customer's next batch only after the previous one
/// answered, so events still apply in partition order.</remarks>
[Reentrant]
public sealed class CustomerGrain(
    RuleBook ruleBook,
    Checkpointer checkpoints,
    EffectDispatcher effects,
    ILedgerArchive archive,
    Serializer<CustomerState> serializer,
    TimeProvider clock,
    EngineMetrics metrics,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    /// <summary>The span of one event applied to its customer.</summary>
    public const string ApplySpan = "customer.apply";

    // Names the changes this activation holds: a change held only by an activation that is gone is lost.
    private readonly string _activation = Guid.NewGuid().ToString("N");
    private CheckpointedState<CustomerState> _handle = null!;
    private CustomerOutbox _outbox = null!;

    private string CustomerId => this.GetPrimaryKeyString();

    private CustomerState State => _handle.State;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _handle = await checkpoints.LoadAsync(CustomerId, () => new CustomerState(), serializer, cancellationToken);
        _outbox = new CustomerOutbox(CustomerId, _handle, effects, ruleBook);
        _handle.Quiet = () => _outbox.Quiet;
        lock (_handle.Gate)
        {
            // Whatever the stored state still owes (a crash may have cut its delivery short) goes out again.
            _outbox.Post(clock.GetUtcNow());
        }
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_handle is null)
        {
            return;
        }
        checkpoints.Forget(_handle);
        if (_handle.Conflicted)
        {
            return;
        }
        var pending = _outbox.Settled ? Changed() : checkpoints.PendingOf(_handle);
        if (pending == 0)
        {
            return;
        }
        try
        {
            await checkpoints.WhenDurableAsync(pending).WaitAsync(cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning("A customer left memory before its last checkpoint ({Error}); its input is replayed", e.GetType().Name);
        }
    }

    /// <inheritdoc />
    public Task<ApplyAnswer> ApplyAsync(IReadOnlyList<CustomerEvent> events, CheckpointMark after)
    {
        ThrowIfConflicted();
        if (!checkpoints.Follows(after, _activation))
        {
            return Task.FromResult(ApplyAnswer.Refusal);
        }
        var rejections = new List<EventRejection>();
        var changed = false;
        var fired = new List<Trigger>();
        var rules = ruleBook.Current;
        lock (_handle.Gate)
        {
            var now = clock.GetUtcNow();
            foreach (var e in events)
            {
                using var span = EngineTracing.StartContinuing(ApplySpan, ActivityKind.Internal, e.Source?.TraceParent);
                var result = ApplyOne(rules, e, now, fired);
                span?.SetTag("engagement.event.id", e.EventId).SetTag("engagement.apply.status", result.Status.ToString());
                _outbox.Trace(EngineTracing.TraceParentOf(span, e.Source?.TraceParent));
                changed |= result.Status != ApplyStatus.Duplicate;
                if (result.Status == ApplyStatus.Applied)
                {
                    metrics.EventApplied(e);
                }
                else if (result.Status == ApplyStatus.Rejected)
                {
                    rejections.Add(new EventRejection(e.EventId, result.Reason!));
                }
            }
            if (changed)
            {
                _outbox.Post(now);
            }
        }
        Count(fired);
        return Task.FromResult(new ApplyAnswer(rejections, Mark(changed ? Changed() : checkpoints.PendingOf(_handle))));
    }

    /// <inheritdoc />
    public Task<CheckpointMark> ApplyNavAsync(ProductNav nav)
    {
        ThrowIfConflicted();
        var fired = new List<Trigger>();
        lock (_handle.Gate)
        {
            var now = clock.GetUtcNow();
            if (!ruleBook.Current.ApplyNav(State, CustomerId, nav, now, fired))
            {
                return Task.FromResult(Mark(checkpoints.PendingOf(_handle)));
            }
            _outbox.Post(now);
        }
        Count(fired);
        return Task.FromResult(Mark(Changed()));
    }

    /// <inheritdoc />
    public Task<bool> WhenDurableAsync(string checkpointer, IReadOnlyList<long> pending) => checkpoints.WhenDurableAsync(checkpointer, pending);

    /// <inheritdoc />
    public async Task WakeAsync()
    {
        ThrowIfConflicted();
        var fired = new List<Trigger>();
        lock (_handle.Gate)
        {
            var now = clock.GetUtcNow();
            ruleBook.Current.AdvanceClock(State, CustomerId, now, fired);
            _outbox.Post(now);
        }
        Count(fired);
        // The schedule lets go of this wake-up once it returns: what it fired, and the next wake-up, must be durable.
        await checkpoints.WhenDurableAsync(Changed());
    }

    /// <inheritdoc />
    [ReadOnly]
    public Task<CustomerAccess> GetAccessAsync()
    {
        lock (_handle.Gate)
        {
            return Task.FromResult(new CustomerAccess(State.Exists, State.Profile.AdvisorId));
        }
    }

    /// <inheritdoc />
    [ReadOnly]
    public Task<CustomerView?> GetViewAsync()
    {
        CustomerState copy;
        lock (_handle.Gate)
        {
            if (!State.Exists)
            {
                return Task.FromResult<CustomerView?>(null);
            }
            copy = _handle.Copy();
        }
        // The clock-driven rules run on a copy: the answer is current, and a read never changes or publishes anything.
        var now = clock.GetUtcNow();
        var rules = ruleBook.Current;
        rules.AdvanceClock(copy, CustomerId, now);
        var eventTime = copy.LastEventAt is { } last && last > now ? last : now;
        return Task.FromResult<CustomerView?>(
            CustomerViews.From(CustomerId, copy, eventTime, copy.Triggers.Triggers.Count(t => t.IsOpen), rules.Settings));
    }

    /// <inheritdoc />
    [ReadOnly]
    public async Task<PointsView?> GetPointsAsync(int limit)
    {
        long balance;
        List<LedgerEntry> entries;
        lock (_handle.Gate)
        {
            if (!State.Exists)
            {
                return null;
            }
            var points = State.Points;
            balance = points.Balance;
            entries = points.Ledger.AsEnumerable().Reverse().Concat(points.ToArchive.AsEnumerable().Reverse()).Take(limit).ToList();
        }
        if (entries.Count < limit && entries.LastOrDefault() is { Sequence: > 1 } oldest)
        {
            entries.AddRange(await archive.ReadAsync(CustomerId, oldest.Sequence, limit - entries.Count));
        }
        return CustomerViews.PointsOf(balance, entries);
    }

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<Trigger>?> GetTriggersAsync()
    {
        lock (_handle.Gate)
        {
            return Task.FromResult<IReadOnlyList<Trigger>?>(State.Exists
                ? State.Triggers.Triggers.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.TriggerId, StringComparer.Ordinal).ToList()
                : null);
        }
    }

    /// <inheritdoc />
    public async Task<RedemptionResult?> RedeemAsync(Redemption redemption)
    {
        ThrowIfConflicted();
        RedemptionAnswer answer;
        bool repeated;
        var fired = new List<Trigger>();
        lock (_handle.Gate)
        {
            if (!State.Exists)
            {
                return null;
            }
            repeated = State.Points.Redemptions.Exists(r => r.RedemptionId == redemption.RedemptionId);
            answer = ruleBook.Current.Redeem(State, CustomerId, redemption.RedemptionId, redemption.Points, clock.GetUtcNow(), fired);
            _outbox.Post(clock.GetUtcNow());
        }
        Count(fired);
        // Nothing can replay a command from the API: it is durable before it is answered, a repeat too (the first may
        // still be on its way).
        await checkpoints.WhenDurableAsync(repeated ? checkpoints.PendingOf(_handle) : Changed());
        return new RedemptionResult(answer.Accepted, answer.Balance);
    }

    /// <inheritdoc />
    public async Task<Trigger?> RecordOutcomeAsync(string triggerId, TriggerOutcome outcome)
    {
        ThrowIfConflicted();
        Trigger? updated;
        lock (_handle.Gate)
        {
            updated = TriggerFiring.RecordOutcome(State, triggerId, outcome, ruleBook.Current.Triggers);
            if (updated is null)
            {
                return null;
            }
            _outbox.Post(clock.GetUtcNow());
        }
        await checkpoints.WhenDurableAsync(Changed());
        return updated;
    }

    // The wall clock of an event is when its record entered Kafka: a replay after a crash then fires the same triggers
    // with the same content, createdAt included. An event that makes the rules throw is rejected rather than retried
    // for ever; what it changed before it threw is kept and checkpointed like any other change.
    private ApplyResult ApplyOne(CustomerRules rules, CustomerEvent e, DateTimeOffset now, List<Trigger> fired)
    {
        try
        {
            return rules.Apply(State, e, e.Source?.RecordedAt ?? now, fired);
        }
        catch (Exception ex)
        {
            logger.LogError("Applying a {EventType} event failed with {Exception}: it goes to the dead-letter topic", e.GetType().Name, ex.GetType().Name);
            return ApplyResult.Rejected("internal_error:" + ex.GetType().Name);
        }
    }

    // Counted where they fire, once: a trigger posted again after an activation, or a later version of it, is not new.
    private void Count(List<Trigger> fired) => fired.ForEach(trigger => metrics.TriggerFired(trigger.Type));

    private CheckpointMark Mark(long checkpoint) => checkpoints.Mark(checkpoint, CustomerId, _activation);

    private long Changed()
    {
        _outbox.ClearSettled();
        return checkpoints.MarkDirty(_handle);
    }

    // Another writer stored a newer state: this activation's copy is stale. It goes; the caller retries on a fresh one.
    private void ThrowIfConflicted()
    {
        if (_handle.Conflicted)
        {
            DeactivateOnIdle();
            throw new InvalidOperationException("The customer's stored state was changed by another writer; retry on a fresh activation.");
        }
    }
}
