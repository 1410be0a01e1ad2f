using Orleans.Concurrency;
using Orleans.Runtime;
using Engagement.Customers;
using Engagement.Events;
using Engagement.State;

namespace Engagement.Products;

/// <summary>One product: keeps the latest NAV and fans it out to every holder.</summary>
/// <remarks>Reentrant so that a holder registering during a fan-out to that same holder cannot deadlock.</remarks>
[Reentrant]
public sealed class ProductGrain(
    [PersistentState("product", StorageNames.Products)] IPersistentState<ProductState> state) : Grain, IProductGrain
{
    private const int FanOutConcurrency = 64;
    private CoalescedWrites? _writes;

    /// <inheritdoc />
    public async Task UpdateNavAsync(NavUpdated update)
    {
        if (state.State.AsOf is not { } asOf || update.AsOf > asOf)
        {
            state.State.Nav = update.Nav;
            state.State.AsOf = update.AsOf;
            await WriteAsync();
        }
        // A replayed update fans out again: a crash may have cut the first fan-out short, and holders ignore stale NAVs.
        if (Latest() is { } nav)
        {
            // Grain calls must start on the activation's own scheduler, so the fan-out is chunked rather than Parallel.
            // A snapshot: holders may come and go while the fan-out awaits (the grain is reentrant).
            foreach (var holders in state.State.Holders.ToList().Chunk(FanOutConcurrency))
            {
                await Task.WhenAll(holders.Select(customerId => GrainFactory.GetGrain<ICustomerGrain>(customerId).ApplyNavAsync(nav)));
            }
        }
    }

    /// <inheritdoc />
    public async Task<ProductNav?> AddHolderAsync(string customerId)
    {
        if (state.State.Holders.Add(customerId))
        {
            await WriteAsync();
        }
        return Latest();
    }

    /// <inheritdoc />
    public async Task RemoveHolderAsync(string customerId)
    {
        if (state.State.Holders.Remove(customerId))
        {
            await WriteAsync();
        }
    }

    private ProductNav? Latest() =>
        state.State is { Nav: { } nav, AsOf: { } asOf } ? new ProductNav(this.GetPrimaryKeyString(), nav, asOf) : null;

    private Task WriteAsync() => (_writes ??= new CoalescedWrites(() => state.WriteOrForgetAsync(this))).WriteAsync();
}
