using Engagement.Rules.Triggers;
using Engagement.State;
using Engagement.Triggers;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Streams;

namespace Engagement.Advisors;

/// <summary>One advisor's inbox, book and metrics; pushes every new or changed trigger to the advisor's live stream.</summary>
/// <remarks>Reentrant so that the customers delivering to one advisor at the same moment share one write of the inbox:
/// every call changes the state before its first await, then waits for a write that covers the change.</remarks>
[Reentrant]
public sealed class AdvisorGrain(
    [PersistentState("advisor", StorageNames.Advisors)] IPersistentState<AdvisorState> state) : Grain, IAdvisorGrain
{
    private readonly List<InboxChange> _unpushed = [];
    private IAsyncStream<InboxChange>? _live;
    private CoalescedWrites? _writes;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _live = this.GetStreamProvider(AdvisorStreams.Provider)
            .GetStream<InboxChange>(StreamId.Create(AdvisorStreams.Namespace, this.GetPrimaryKeyString()));
        _writes = new CoalescedWrites(WriteAndPushAsync);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DeliverAsync(IReadOnlyList<Trigger> triggers)
    {
        var taken = triggers.Select(t => AdvisorInbox.Take(state.State, t)).OfType<InboxChange>().ToList();
        if (taken.Count == 0)
        {
            return;
        }
        _unpushed.AddRange(taken);
        await _writes!.WriteAsync();
    }

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<Trigger>> GetInboxAsync(TriggerStatus? status) =>
        Task.FromResult(AdvisorInbox.Ordered(state.State, status));

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<InboxChange>> GetChangesSinceAsync(long sequence) =>
        Task.FromResult(AdvisorInbox.ChangesSince(state.State, sequence));

    /// <inheritdoc />
    [ReadOnly]
    public Task<Trigger?> FindTriggerAsync(string triggerId) =>
        Task.FromResult(state.State.Inbox.GetValueOrDefault(triggerId));

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<string>> GetBookAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Book.Order(StringComparer.Ordinal).ToList());

    /// <inheritdoc />
    public async Task AddCustomerAsync(string customerId)
    {
        if (state.State.Book.Add(customerId))
        {
            await _writes!.WriteAsync();
        }
    }

    /// <inheritdoc />
    public async Task RemoveCustomerAsync(string customerId)
    {
        var moved = state.State.Inbox.Values.Where(t => t.CustomerId == customerId && t.IsOpen).Select(t => t.TriggerId).ToList();
        var removed = state.State.Book.Remove(customerId);
        moved.ForEach(id =>
        {
            state.State.Inbox.Remove(id);
            state.State.Sequences.Remove(id);
        });
        if (removed || moved.Count > 0)
        {
            await _writes!.WriteAsync();
        }
    }

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<TriggerTypeMetrics>> GetMetricsAsync() => Task.FromResult(AdvisorInbox.Metrics(state.State));

    // The changes go live in sequence order, once written: a push never runs ahead of the inbox it comes from.
    private async Task WriteAndPushAsync()
    {
        var changes = _unpushed.ToList();
        _unpushed.Clear();
        await state.WriteOrForgetAsync(this);
        if (changes.Count > 0)
        {
            // Live push is best effort: the inbox is the record, and a reconnecting client replays from it.
            await _live!.OnNextBatchAsync(changes);
        }
    }
}
