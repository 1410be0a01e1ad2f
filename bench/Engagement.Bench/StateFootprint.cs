using Engagement.Silo.Hosting;
using Engagement.State;
using Microsoft.Extensions.DependencyInjection;
using Engagement.Checkpoints;
using Orleans.Serialization;

namespace Engagement.Bench;

/// <summary>How much managed heap one customer's state takes as an object graph: states read back through the engine's
/// own checkpoint store, held, and weighed after full collections. Set against the memory per active customer, it
/// says how much of that is the state itself and how much the rest (activations, advisors' inboxes, caches).</summary>
public static class StateFootprint
{
    private const int Sampled = 2_000;

    /// <summary>Mean heap bytes of one customer's state over the first customers of the workload.</summary>
    public static async Task<double> MeanCustomerStateBytesAsync(RunningEngine engine, IReadOnlyList<string> customerIds)
    {
        var store = engine.App.Services.GetRequiredService<ICheckpointStore>();
        var serializer = engine.App.Services.GetRequiredService<Serializer<CustomerState>>();
        var sample = customerIds.Take(Sampled).ToList();
        var held = new List<CustomerState>(sample.Count);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var customerId in sample)
        {
            var stored = await store.ReadAsync(customerId, CancellationToken.None)
                         ?? throw new InvalidOperationException($"No state was read for {customerId}.");
            held.Add(serializer.Deserialize(stored.Snapshot.Raw())!);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return (after - before) / (double)held.Count;
    }
}
