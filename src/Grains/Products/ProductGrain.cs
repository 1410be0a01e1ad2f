using Engagement.Checkpoints;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;
using Engagement.Customers;
using Engagement.Events;
using Engagement.State;
using Engagement.Telemetry;

namespace Engagement.Products;

/// <summary>One product: keeps the latest NAV and fans it out to every holder.</summary>
/// <remarks>Reentrant so that a holder registering during a fan-out to that same holder cannot deadlock, and so that
/// holder changes arriving at the same moment share one write. The holders are kept in shards: a new holder rewrites one
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
    private readonly EngineMetrics _metrics;
    private bool _navChanged;

    /// <summary>Creates the grain with its NAV state and its holder shards.</summary>
    public ProductGrain(
        IGrainContext context,
        IPersistentStateFactory states,
        [PersistentState("product", StorageNames.Products)] IPersistentState<ProductState> state,
        IOptions<CheckpointOptions> checkpoints,
        TimeProvider clock,
        EngineMetrics metrics)
    {
        _state = state;
        _metrics = metrics;
        _holders = new ShardedState<ProductHoldersState>(context, states, StorageNames.Products, "holders", HolderShards);
        _writes = new CoalescedWrites(WriteChangedAsync, checkpoints.Value.Interval, clock);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CheckpointMark>> UpdateNavAsync(NavUpdated update)
    {
        if (_state.State.AsOf is not { } asOf || update.AsOf > asOf)
        {
            _state.State.Nav = update.Nav;
            _state.State.AsOf = update.AsOf;
            _navChanged = true;
            _metrics.EventApplied(update);
            await _writes.WriteAsync();
        }
        // A replayed update fans out again: a crash may have cut the first fan-out short, and holders ignore stale NAVs.
        // A snapshot: holders may come and go while the fan-out awaits (the grain is reentrant).
        return Latest() is { } nav ? await RevalueAsync(_holders.All.SelectMany(s => s.Holders).ToList(), nav) : [];
    }

    /// <inheritdoc />
    public async Task UpdateHoldersAsync(IReadOnlyList<HolderChange> changes)
    {
        var joined = new List<string>();
        var changed = false;
        foreach (var change in changes)
        {
            var shard = StableHash.ShardOf(change.CustomerId, HolderShards);
            var holders = _holders[shard].Holders;
            if (change.Holds ? holders.Add(change.CustomerId) : holders.Remove(change.CustomerId))
            {
                _holders.Changed(shard);
                changed = true;
                if (change.Holds)
                {
                    joined.Add(change.CustomerId);
                }
            }
        }
        if (changed)
        {
            await _writes.WriteAsync();
        }
        // New holders learn the latest NAV: until then their holding is valued at its purchase price.
        if (Latest() is { } nav)
        {
            await RevalueAsync(joined, nav);
        }
    }

    // Holders apply the NAV in memory and answer at once; the checkpoints they answer make all of it durable (one per
    // silo's checkpoint number is enough). Grain calls must start on the activation's own scheduler, so the fan-out is
    // chunked rather than Parallel.
    private async Task<IReadOnlyList<CheckpointMark>> RevalueAsync(IReadOnlyList<string> holders, ProductNav nav)
    {
        var marks = new List<CheckpointMark>();
        foreach (var chunk in holders.Chunk(FanOutConcurrency))
        {
            marks.AddRange(await Task.WhenAll(chunk.Select(customerId => GrainFactory.GetGrain<ICustomerGrain>(customerId).ApplyNavAsync(nav))));
        }
        return marks.Where(m => m.Checkpoint > 0).DistinctBy(m => (m.Checkpointer, m.Checkpoint)).ToList();
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
