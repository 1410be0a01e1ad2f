using System.Security.Cryptography;
using Orleans.Providers;

namespace Engagement.EndToEndTests.Storage;

/// <summary>A tally kept in <see cref="ShardedTallyGrain.Shards"/> shards of the default grain storage.</summary>
[Alias("Engagement.EndToEndTests.Storage.IShardedTallyGrain")]
public interface IShardedTallyGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="amount"/> to <paramref name="shard"/> and writes the shards that changed.</summary>
    [Alias("Add")]
    Task AddAsync(int shard, int amount);

    /// <summary>Adds <paramref name="amount"/> to <paramref name="shard"/> with <paramref name="fillerBytes"/> random
    /// bytes beside it (random bytes do not compress, so they set the stored size) and writes the shard.</summary>
    [Alias("AddWithFiller")]
    Task AddWithFillerAsync(int shard, int amount, int fillerBytes);

    /// <summary>Every shard's value, in shard order, and the id of the activation that answered.</summary>
    [Alias("Get")]
    Task<TallyReading> GetAsync();
}

/// <summary>What <see cref="IShardedTallyGrain.GetAsync"/> returns.</summary>
[GenerateSerializer, Alias("Engagement.EndToEndTests.Storage.TallyReading")]
public sealed record TallyReading([property: Id(0)] int[] Values, [property: Id(1)] Guid ActivationId);

/// <summary>One shard of the tally.</summary>
[GenerateSerializer, Alias("Engagement.EndToEndTests.Storage.TallyShard")]
public sealed class TallyShard
{
    /// <summary>The shard's value.</summary>
    [Id(0)] public int Value { get; set; }

    /// <summary>Bytes that set the stored size.</summary>
    [Id(1)] public byte[] Filler { get; set; } = [];
}

/// <summary>A tally whose shards live in the default grain storage, one row each.</summary>
public sealed class ShardedTallyGrain : Grain, IShardedTallyGrain
{
    /// <summary>How many shards the tally has.</summary>
    public const int Shards = 4;

    /// <summary>The state name of the shards, before their two digits.</summary>
    public const string StateName = "tally";

    private readonly ShardedState<TallyShard> _shards;

    // Tells one activation from the next, so a test can see that values came back from storage.
    private readonly Guid _activationId = Guid.NewGuid();

    /// <summary>Creates the shards, read on activation.</summary>
    public ShardedTallyGrain(IGrainContext context, IPersistentStateFactory states) =>
        _shards = new ShardedState<TallyShard>(context, states, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, StateName, Shards);

    /// <inheritdoc />
    public Task AddAsync(int shard, int amount) => AddWithFillerAsync(shard, amount, 0);

    /// <inheritdoc />
    public Task AddWithFillerAsync(int shard, int amount, int fillerBytes)
    {
        _shards[shard].Value += amount;
        _shards[shard].Filler = RandomNumberGenerator.GetBytes(fillerBytes);
        _shards.Changed(shard);
        return _shards.WriteChangedAsync(this);
    }

    /// <inheritdoc />
    public Task<TallyReading> GetAsync() =>
        Task.FromResult(new TallyReading(_shards.All.Select(s => s.Value).ToArray(), _activationId));
}
