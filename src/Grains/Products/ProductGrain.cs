using Orleans.Concurrency;
using Orleans.Runtime;
using Engagement.Customers;
using Engagement.Events;
using Engagement.State;

namespace Engagement.Products;

/// <summary>One product: keeps the latest NAV and fans it out to every holder.</summary>
/// <remarks>Reentrant so that a holder registering during a fan-out to that same holder cannot deadlock, and so that
/// holders registering at the same moment share one write. The holders are kept in shards: a new holder rewrites one
/// shard, not the whole set.</remarks>
[Reentrant]
public sealed class ProductGrain : Grain, IProductGrain
{
    private const int FanOutConcurrency = 64;

    /// <summary>Holder shards per product. Changing it moves holders to other shards, so it is fixed.</summary>
    private const int HolderShards = 16;

    private readonly IPersistentState<ProductState> _state;
    private readonly ShardedState<ProductHoldersState> _holders;
    private readonly CoalescedWrites _writes;
    private bool _navChanged;

    /// <summary>Creates the grain with its NAV state and its holder shards.</summary>
    public ProductGrain(
        IGrainContext context,
        IPersistentStateFactory states,
        [PersistentState("product", StorageNames.Products)] IPersistentState<ProductState> state)
    {
        _state = state;
        _holders = new ShardedState<ProductHoldersState>(context, states, StorageNames.Products, "holders", HolderShards);
        _writes = new CoalescedWrites(WriteChangedAsync);
    }

    /// <inheritdoc />
    public async Task UpdateNavAsync(NavUpdated update)
    {
        if (_state.State.AsOf is not { } asOf || update.AsOf > asOf)
        {
            _state.State.Nav = update.Nav;
            _state.State.AsOf = update.AsOf;
            _navChanged = true;
            await _writes.WriteAsync();
        }
        // A replayed update fans out again: a crash may have cut the first fan-out short, and holders ignore stale NAVs.
        if (Latest() is { } nav)
        {
            // Grain calls must start on the activation's own scheduler, so the fan-out is chunked rather than Parallel.
            // A snapshot: holders may come and go while the fan-out awaits (the grain is reentrant).
            foreach (var holders in _holders.All.SelectMany(s => s.Holders).ToList().Chunk(FanOutConcurrency))
            {
                await Task.WhenAll(holders.Select(customerId => GrainFactory.GetGrain<ICustomerGrain>(customerId).ApplyNavAsync(nav)));
            }
        }
    }

    /// <inheritdoc />
    public async Task<ProductNav?> AddHolderAsync(string customerId)
    {
        var shard = StableHash.ShardOf(customerId, HolderShards);
        if (_holders[shard].Holders.Add(customerId))
        {
            _holders.Changed(shard);
            await _writes.WriteAsync();
        }
        return Latest();
    }

    /// <inheritdoc />
    public async Task RemoveHolderAsync(string customerId)
    {
        var shard = StableHash.ShardOf(customerId, HolderShards);
        if (_holders[shard].Holders.Remove(customerId))
        {
            _holders.Changed(shard);
            await _writes.WriteAsync();
        }
    }

    private ProductNav? Latest() =>
        _state.State is { Nav: { } nav, AsOf: { } asOf } ? new ProductNav(this.GetPrimaryKeyString(), nav, asOf) : null;

    private Task WriteChangedAsync()
    {
        var writes = new List<Task> { _holders.WriteChangedAsync(this) };
        if (_navChanged)
        {
            _navChanged = false;
            writes.Add(_state.WriteOrForgetAsync(this));
        }
        return Task.WhenAll(writes);
    }
}
