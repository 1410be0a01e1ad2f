using Orleans.Runtime;

namespace Engagement;

/// <summary>A grain's state kept in a fixed number of shards, each its own storage row: a change rewrites only the
/// shards it touched.</summary>
/// <remarks>For states that grow with the bank (an advisor's book and inbox, a product's holders): kept whole, each
/// change would rewrite all of it, and it would outgrow a table entity. Use from the grain's own scheduler only.</remarks>
public sealed class ShardedState<T>
{
    private readonly IPersistentState<T>[] _shards;
    private readonly HashSet<int> _changed = [];

    /// <summary>Creates <paramref name="count"/> states named <paramref name="name"/> and two digits, in
    /// <paramref name="storageName"/>. Call it from the grain's constructor, so that they are read on activation.</summary>
    public ShardedState(IGrainContext context, IPersistentStateFactory states, string storageName, string name, int count) =>
        _shards = Enumerable.Range(0, count)
            .Select(shard => states.Create<T>(context, new Configuration($"{name}{shard:D2}", storageName)))
            .ToArray();

    /// <summary>One shard's state.</summary>
    public T this[int shard] => _shards[shard].State;

    /// <summary>Every shard's state, in shard order.</summary>
    public IEnumerable<T> All => _shards.Select(s => s.State);

    /// <summary>Notes that <paramref name="shard"/> changed, for the next <see cref="WriteChangedAsync"/>.</summary>
    public void Changed(int shard) => _changed.Add(shard);

    /// <summary>Writes the shards changed since the last call, side by side; if one fails, the activation is dropped
    /// (see <see cref="GrainStateWrites"/>).</summary>
    public Task WriteChangedAsync(Grain grain)
    {
        var writes = _changed.Select(shard => _shards[shard].WriteOrForgetAsync(grain)).ToList();
        _changed.Clear();
        return Task.WhenAll(writes);
    }

    private sealed record Configuration(string StateName, string StorageName) : IPersistentStateConfiguration;
}
