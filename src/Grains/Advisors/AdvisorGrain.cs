using Engagement.Checkpoints;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.State;
using Engagement.Triggers;
using Orleans.Concurrency;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Engagement.Advisors;

/// <summary>One advisor's inbox, book and metrics; pushes every new or changed trigger to the advisor's live stream
/// and to <c>eng.triggers</c> as soon as it arrives (save the live push of those the daily cap puts in the digest),
/// then makes it durable.</summary>
/// <remarks>
/// The state is <see cref="AdvisorInbox.Shards"/> shards by customer, each a table row of its own, so a delivery or a
/// book change rewrites one shard rather than the whole book and inbox. Reentrant so that the deliveries arriving at
/// one advisor at the same moment share one write: every call changes the state before its first await, then waits
/// for a write that covers the change.
/// </remarks>
[Reentrant]
public sealed class AdvisorGrain : Grain, IAdvisorGrain
{
    private readonly ShardedState<AdvisorShardState> _shards;
    private readonly List<InboxChange> _unpushed = [];
    private readonly CoalescedWrites _writes;
    private readonly CoalescedWrites _pushes;
    private readonly ILogger<AdvisorGrain> _logger;
    private readonly Guid _activation = Guid.NewGuid();
    private readonly Dictionary<long, Task> _pendingWrites = [];
    private readonly ITriggerPublisher _publisher;
    private readonly RuleBook _rules;
    private readonly TimeProvider _clock;
    private bool _listed;
    private long _lastWrite;
    private long _lastSequence;
    private IAsyncStream<InboxChange>? _live;

    // The daily cap is a figure of the rule set: a change applies to the next trigger taken.
    private Workload Workload => Workload.Of(_rules.Current.Triggers);

    /// <summary>Creates the grain with one state per shard.</summary>
    public AdvisorGrain(IGrainContext context, IPersistentStateFactory states, IOptions<CheckpointOptions> checkpoints,
        TimeProvider clock, ILogger<AdvisorGrain> logger, ITriggerPublisher publisher, RuleBook rules)
    {
        _publisher = publisher;
        _rules = rules;
        _clock = clock;
        _shards = new ShardedState<AdvisorShardState>(context, states, StorageNames.Advisors, "shard", AdvisorInbox.Shards);
        _writes = new CoalescedWrites(() => _shards.WriteChangedAsync(this), checkpoints.Value.Interval, clock);
        _pushes = new CoalescedWrites(PushAsync);
        _logger = logger;
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _live = this.GetStreamProvider(AdvisorStreams.Provider)
            .GetStream<InboxChange>(StreamId.Create(AdvisorStreams.Namespace, this.GetPrimaryKeyString()));
        _lastSequence = AdvisorInbox.LastSequence(_shards.All);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AdvisorWrite> ApplyAsync(IReadOnlyList<AdvisorEffect> effects)
    {
        var changed = false;
        var held = new List<TracedTrigger>();
        foreach (var effect in effects)
        {
            changed |= Take(effect, held);
        }
        if (_unpushed.Count > 0)
        {
            _ = _pushes.WriteAsync();
        }
        // eng.triggers gets each trigger, with its digest decision, at once, like the live push; a repeat (the customer's
        // retry) is published again with the decision the inbox holds, so the same trigger keeps the same content.
        var publishing = held.Count > 0 ? _publisher.PublishAsync(held) : Task.CompletedTask;
        var stored = changed ? Task.WhenAll(ListAsync(), _writes.WriteAsync(), publishing) : publishing;
        if (stored.IsCompletedSuccessfully)
        {
            return Task.FromResult(new AdvisorWrite(_activation, 0));
        }
        var number = ++_lastWrite;
        _pendingWrites[number] = stored;
        // A failed write stays, so whoever waits for it learns; the activation is dropped after it anyway.
        _ = stored.ContinueWith(_ => _pendingWrites.Remove(number), CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Current);
        return Task.FromResult(new AdvisorWrite(_activation, number));
    }

    /// <inheritdoc />
    public Task WhenWrittenAsync(AdvisorWrite write) =>
        write.Activation != _activation
            ? Task.FromException(new InvalidOperationException("The advisor's activation that took these changes is gone; send them again."))
            : _pendingWrites.GetValueOrDefault(write.Number, Task.CompletedTask);

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<Trigger>> GetDigestAsync(DateOnly? day) =>
        Task.FromResult(AdvisorInbox.Digest(_shards.All, day ?? Workload.DayOf(_clock.GetUtcNow()), Workload));

    /// <inheritdoc />
    [ReadOnly]
    public Task<AdvisorWorkload> GetWorkloadAsync() =>
        Task.FromResult(AdvisorInbox.WorkloadOf(this.GetPrimaryKeyString(), _shards.All.ToList(), Workload.DayOf(_clock.GetUtcNow()), Workload));

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<Trigger>> GetInboxAsync(TriggerStatus? status) => Task.FromResult(AdvisorInbox.Ordered(_shards.All, status));

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<InboxChange>> GetChangesSinceAsync(long sequence) =>
        Task.FromResult(AdvisorInbox.ChangesSince(_shards.All, sequence));

    /// <inheritdoc />
    [ReadOnly]
    public Task<Trigger?> FindTriggerAsync(string triggerId) => Task.FromResult(AdvisorInbox.Find(_shards.All, triggerId));

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<string>> GetBookAsync() =>
        Task.FromResult<IReadOnlyList<string>>(_shards.All.SelectMany(s => s.Book).Order(StringComparer.Ordinal).ToList());

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<TriggerTypeMetrics>> GetMetricsAsync() => Task.FromResult(AdvisorInbox.Metrics(_shards.All));

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<ConversionRate>> GetConversionAsync(DateOnly through) => Task.FromResult(Conversion.Over(_shards.All, through));

    private bool Take(AdvisorEffect effect, List<TracedTrigger> held)
    {
        var customerId = effect.Trigger?.CustomerId ?? effect.Joined ?? effect.Left!;
        var shard = AdvisorInbox.ShardOf(customerId);
        var state = _shards[shard];
        var changed = effect switch
        {
            { Trigger: { } trigger } => TakeTrigger(trigger, effect.TraceParent, held),
            { Joined: { } joined } => state.Book.Add(joined),
            _ => state.Book.Remove(customerId) | AdvisorInbox.RemoveOpen(state, customerId),
        };
        if (changed)
        {
            _shards.Changed(shard);
        }
        return changed;
    }

    private bool TakeTrigger(Trigger trigger, string? traceParent, List<TracedTrigger> held)
    {
        var taken = AdvisorInbox.Take(_shards.All.ToList(), trigger, _lastSequence, Workload);
        held.Add(new TracedTrigger(taken.Trigger, traceParent));
        if (taken.Change is not { } change)
        {
            return false;
        }
        _lastSequence = change.Sequence;
        if (!change.Trigger.Digest)
        {
            _unpushed.Add(change with { TraceParent = traceParent });
        }
        return true;
    }

    // Lists the advisor in the directory once an activation has anything to keep (the directory ignores a repeat).
    private async Task ListAsync()
    {
        if (!_listed)
        {
            await GrainFactory.GetGrain<IAdvisorDirectoryGrain>(0).ListAsync(this.GetPrimaryKeyString());
            _listed = true;
        }
    }

    // Pushes ahead of the write: an advisor sees a trigger as soon as it fires. One push at a time, in sequence order,
    // so a live client never sees a later change before an earlier one. Best effort: the inbox is the record, and a
    // reconnecting client replays from it.
    private async Task PushAsync()
    {
        var changes = _unpushed.ToList();
        _unpushed.Clear();
        try
        {
            await _live!.OnNextBatchAsync(changes);
        }
        catch (Exception e)
        {
            _logger.LogWarning("Pushing {Count} inbox changes live failed: {Error}", changes.Count, LoggedFailure.Describe(e));
        }
    }
}
