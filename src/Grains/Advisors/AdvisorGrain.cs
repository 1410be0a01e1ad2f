using Engagement.Rules.Triggers;
using Engagement.State;
using Engagement.Triggers;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Streams;

namespace Engagement.Advisors;

/// <summary>One advisor's inbox, book and metrics; pushes every new or changed trigger to the advisor's live stream.</summary>
/// <remarks>
/// The state is <see cref="AdvisorInbox.Shards"/> shards by customer, each a table row of its own, so a delivery or a
/// book change rewrites one shard rather than the whole book and inbox. Reentrant so that the customers delivering to
/// one advisor at the same moment share one write: every call changes the state before its first await, then waits
/// for a write that covers the change.
/// </remarks>
[Reentrant]
public sealed class AdvisorGrain : Grain, IAdvisorGrain
{
    private readonly ShardedState<AdvisorShardState> _shards;
    private readonly List<InboxChange> _unpushed = [];
    private readonly CoalescedWrites _writes;
    private readonly Workload _workload;
    private readonly TimeProvider _clock;
    private bool _listed;
    private long _lastSequence;
    private IAsyncStream<InboxChange>? _live;

    /// <summary>Creates the grain with one state per shard.</summary>
    public AdvisorGrain(IGrainContext context, IPersistentStateFactory states, TriggerSettings settings, TimeProvider clock)
    {
        _workload = Workload.Of(settings);
        _clock = clock;
        _shards = new ShardedState<AdvisorShardState>(context, states, StorageNames.Advisors, "shard", AdvisorInbox.Shards);
        _writes = new CoalescedWrites(WriteAndPushAsync);
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
    public async Task<IReadOnlyList<Trigger>> DeliverAsync(IReadOnlyList<Trigger> triggers)
    {
        var shards = _shards.All.ToList();
        var held = new List<Trigger>(triggers.Count);
        var changed = false;
        foreach (var trigger in triggers)
        {
            var taken = AdvisorInbox.Take(shards, trigger, _lastSequence, _workload);
            held.Add(taken.Trigger);
            if (taken.Change is { } change)
            {
                _lastSequence = change.Sequence;
                if (!change.Trigger.Digest)
                {
                    _unpushed.Add(change);
                }
                _shards.Changed(AdvisorInbox.ShardOf(trigger.CustomerId));
                changed = true;
            }
        }
        if (changed)
        {
            await ListAsync();
            await _writes.WriteAsync();
        }
        return held;
    }

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<Trigger>> GetDigestAsync(DateOnly? day) =>
        Task.FromResult(AdvisorInbox.Digest(_shards.All, day ?? _workload.DayOf(_clock.GetUtcNow()), _workload));

    /// <inheritdoc />
    [ReadOnly]
    public Task<AdvisorWorkload> GetWorkloadAsync() =>
        Task.FromResult(AdvisorInbox.WorkloadOf(this.GetPrimaryKeyString(), _shards.All.ToList(), _workload.DayOf(_clock.GetUtcNow()), _workload));

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
    public async Task AddCustomerAsync(string customerId)
    {
        var shard = AdvisorInbox.ShardOf(customerId);
        if (_shards[shard].Book.Add(customerId))
        {
            _shards.Changed(shard);
            await ListAsync();
            await _writes.WriteAsync();
        }
    }

    /// <inheritdoc />
    public async Task RemoveCustomerAsync(string customerId)
    {
        var shard = AdvisorInbox.ShardOf(customerId);
        var state = _shards[shard];
        var leftBook = state.Book.Remove(customerId);
        var movedTriggers = AdvisorInbox.RemoveOpen(state, customerId);
        if (leftBook || movedTriggers)
        {
            _shards.Changed(shard);
            await _writes.WriteAsync();
        }
    }

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<TriggerTypeMetrics>> GetMetricsAsync() => Task.FromResult(AdvisorInbox.Metrics(_shards.All));

    // Lists the advisor in the directory once an activation has anything to keep (the directory ignores a repeat).
    private async Task ListAsync()
    {
        if (!_listed)
        {
            await GrainFactory.GetGrain<IAdvisorDirectoryGrain>(0).ListAsync(this.GetPrimaryKeyString());
            _listed = true;
        }
    }

    // Writes what changed since the last write, then pushes its changes live, in sequence order: writes never overlap,
    // so a push never runs ahead of the inbox it comes from, nor of an earlier push.
    private async Task WriteAndPushAsync()
    {
        var changes = _unpushed.ToList();
        _unpushed.Clear();
        await _shards.WriteChangedAsync(this);
        if (changes.Count > 0)
        {
            // Live push is best effort: the inbox is the record, and a reconnecting client replays from it.
            await _live!.OnNextBatchAsync(changes);
        }
    }
}
