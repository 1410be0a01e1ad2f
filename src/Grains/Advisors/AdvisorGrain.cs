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
    private long _lastSequence;
    private IAsyncStream<InboxChange>? _live;

    /// <summary>Creates the grain with one state per shard.</summary>
    public AdvisorGrain(IGrainContext context, IPersistentStateFactory states)
    {
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
    public async Task DeliverAsync(IReadOnlyList<Trigger> triggers)
    {
        var taken = 0;
        foreach (var trigger in triggers)
        {
            var shard = AdvisorInbox.ShardOf(trigger.CustomerId);
            if (AdvisorInbox.Take(_shards[shard], trigger, _lastSequence) is { } change)
            {
                _lastSequence = change.Sequence;
                _unpushed.Add(change);
                _shards.Changed(shard);
                taken++;
            }
        }
        if (taken > 0)
        {
            await _writes.WriteAsync();
        }
    }

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
