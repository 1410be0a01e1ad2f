using Engagement.Checkpoints;
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
/// as soon as it arrives, then makes it durable.</summary>
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
    private long _lastWrite;
    private long _lastSequence;
    private IAsyncStream<InboxChange>? _live;

    /// <summary>Creates the grain with one state per shard.</summary>
    public AdvisorGrain(IGrainContext context, IPersistentStateFactory states, IOptions<CheckpointOptions> checkpoints,
        TimeProvider clock, ILogger<AdvisorGrain> logger)
    {
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
        foreach (var effect in effects)
        {
            changed |= Take(effect);
        }
        if (_unpushed.Count > 0)
        {
            _ = _pushes.WriteAsync();
        }
        if (!changed)
        {
            return Task.FromResult(new AdvisorWrite(_activation, 0));
        }
        var number = ++_lastWrite;
        var write = _writes.WriteAsync();
        _pendingWrites[number] = write;
        // A failed write stays, so whoever waits for it learns; the activation is dropped after it anyway.
        _ = write.ContinueWith(_ => _pendingWrites.Remove(number), CancellationToken.None,
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

    private bool Take(AdvisorEffect effect)
    {
        var customerId = effect.Trigger?.CustomerId ?? effect.Joined ?? effect.Left!;
        var shard = AdvisorInbox.ShardOf(customerId);
        var state = _shards[shard];
        var changed = effect switch
        {
            { Trigger: { } trigger } => TakeTrigger(state, trigger),
            { Joined: { } joined } => state.Book.Add(joined),
            _ => state.Book.Remove(customerId) | AdvisorInbox.RemoveOpen(state, customerId),
        };
        if (changed)
        {
            _shards.Changed(shard);
        }
        return changed;
    }

    private bool TakeTrigger(AdvisorShardState shard, Trigger trigger)
    {
        if (AdvisorInbox.Take(shard, trigger, _lastSequence) is not { } change)
        {
            return false;
        }
        _lastSequence = change.Sequence;
        _unpushed.Add(change);
        return true;
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
            _logger.LogWarning("Pushing {Count} inbox changes live failed: {Error}", changes.Count, e.GetBaseException().Message);
        }
    }
}
