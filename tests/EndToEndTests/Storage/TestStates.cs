namespace Engagement.EndToEndTests.Storage;

/// <summary>A grain state with the shapes real states have: scalars, collections, money and a blob to vary the size.</summary>
[GenerateSerializer, Alias("Engagement.EndToEndTests.Storage.SampleState")]
public sealed class SampleState
{
    /// <summary>A label.</summary>
    [Id(0)] public string Name { get; set; } = "";

    /// <summary>Amounts by account.</summary>
    [Id(1)] public Dictionary<string, decimal> Balances { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Recent values, in order.</summary>
    [Id(2)] public List<long> Recent { get; set; } = [];

    /// <summary>Filler that sets the serialized size.</summary>
    [Id(3)] public byte[] Payload { get; set; } = [];
}

/// <summary>A counter kept in the default grain storage.</summary>
[Alias("Engagement.EndToEndTests.Storage.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="amount"/> and stores the new value.</summary>
    [Alias("Add")]
    Task<int> AddAsync(int amount);

    /// <summary>The value and the id of the activation that answered.</summary>
    [Alias("Get")]
    Task<CounterReading> GetAsync();
}

/// <summary>What <see cref="ICounterGrain.GetAsync"/> returns.</summary>
[GenerateSerializer, Alias("Engagement.EndToEndTests.Storage.CounterReading")]
public sealed record CounterReading([property: Id(0)] int Value, [property: Id(1)] Guid ActivationId);

/// <summary>The counter's stored state.</summary>
[GenerateSerializer, Alias("Engagement.EndToEndTests.Storage.CounterState")]
public sealed class CounterState
{
    /// <summary>The current value.</summary>
    [Id(0)] public int Value { get; set; }
}

/// <summary>A counter whose value lives in the default grain storage.</summary>
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    // Tells one activation from the next, so a test can see that a value came back from storage.
    private readonly Guid _activationId = Guid.NewGuid();

    /// <inheritdoc />
    public async Task<int> AddAsync(int amount)
    {
        counter.State.Value += amount;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    /// <inheritdoc />
    public Task<CounterReading> GetAsync() => Task.FromResult(new CounterReading(counter.State.Value, _activationId));
}
