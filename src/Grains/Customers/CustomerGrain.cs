using Orleans.Storage;
using Orleans.Runtime;
using Engagement.Events;
using Engagement.Products;
using Engagement.Rules;
using Engagement.State;

namespace Engagement.Customers;

/// <summary>One customer: applies their events through the rules and persists the result in one write per batch.</summary>
public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Customers)] IPersistentState<CustomerState> state,
    CustomerRules rules,
    TimeProvider clock) : Grain, ICustomerGrain
{
    private const int ConflictAttempts = 3;

    /// <inheritdoc />
    public async Task<IReadOnlyList<EventRejection>> ApplyAsync(IReadOnlyList<CustomerEvent> events)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var rejections = new List<EventRejection>();
                var holdingsBefore = state.State.Holdings.Keys.ToHashSet(StringComparer.Ordinal);
                var changed = false;
                foreach (var e in events)
                {
                    var result = rules.Apply(state.State, e, clock.GetUtcNow());
                    changed |= result.Status == ApplyStatus.Applied;
                    if (result.Status == ApplyStatus.Rejected)
                    {
                        rejections.Add(new EventRejection(e.EventId, result.Reason!));
                    }
                }
                if (changed)
                {
                    await SyncHoldersAsync(holdingsBefore);
                    await state.WriteStateAsync();
                }
                return rejections;
            }
            catch (InconsistentStateException) when (attempt < ConflictAttempts)
            {
                // Another writer won: start again from what is stored; the dedupe makes the re-apply exact.
                await state.ReadStateAsync();
            }
            catch
            {
                // The in-memory state may hold effects that were never stored: the next activation reads afresh.
                DeactivateOnIdle();
                throw;
            }
        }
    }

    /// <inheritdoc />
    public async Task ApplyNavAsync(ProductNav nav)
    {
        if (rules.ApplyNav(state.State, nav, clock.GetUtcNow()))
        {
            await WriteOrDeactivateAsync();
        }
    }

    /// <inheritdoc />
    public async Task<CustomerView?> GetViewAsync()
    {
        if (!state.State.Exists)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (rules.AdvanceClock(state.State, now))
        {
            await WriteOrDeactivateAsync();
        }
        var eventTime = state.State.LastEventAt is { } last && last > now ? last : now;
        return CustomerViews.From(this.GetPrimaryKeyString(), state.State, eventTime, openTriggers: 0, rules.Settings);
    }

    /// <inheritdoc />
    public Task<PointsView?> GetPointsAsync(int limit) =>
        Task.FromResult(state.State.Exists ? CustomerViews.PointsOf(state.State.Points, limit) : null);

    // New holders learn the product's latest NAV now, so it is in this batch's single write.
    private async Task SyncHoldersAsync(HashSet<string> holdingsBefore)
    {
        var customerId = this.GetPrimaryKeyString();
        foreach (var productId in state.State.Holdings.Keys.Where(p => !holdingsBefore.Contains(p)).ToList())
        {
            if (await GrainFactory.GetGrain<IProductGrain>(productId).AddHolderAsync(customerId) is { } nav)
            {
                rules.ApplyNav(state.State, nav, clock.GetUtcNow());
            }
        }
        foreach (var productId in holdingsBefore.Where(p => !state.State.Holdings.ContainsKey(p)))
        {
            await GrainFactory.GetGrain<IProductGrain>(productId).RemoveHolderAsync(customerId);
        }
    }

    private async Task WriteOrDeactivateAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
