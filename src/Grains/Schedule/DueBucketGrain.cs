using Engagement.Customers;
using Engagement.State;
using Engagement.Checkpoints;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Engagement.Schedule;

/// <summary>One shard of one hour's wake-ups (see <see cref="DueBuckets"/>).</summary>
/// <remarks>Reentrant: a customer being woken may schedule its next wake-up in this same bucket.</remarks>
[Reentrant]
public sealed class DueBucketGrain(
    [PersistentState("bucket", StorageNames.Schedule)] IPersistentState<DueBucketState> state,
    IOptions<CheckpointOptions> checkpoints,
    TimeProvider clock) : Grain, IDueBucketGrain
{
    private const int WakeConcurrency = 64;
    private CoalescedWrites? _writes;

    /// <inheritdoc />
    public async Task AddAsync(IReadOnlyList<DueEntry> entries)
    {
        var changed = false;
        foreach (var entry in entries)
        {
            if (!state.State.Due.TryGetValue(entry.CustomerId, out var known) || entry.DueAt < known)
            {
                state.State.Due[entry.CustomerId] = entry.DueAt;
                changed = true;
            }
        }
        if (changed)
        {
            await WriteAsync();
        }
    }

    /// <inheritdoc />
    public async Task<bool> WakeAsync(DateTimeOffset now)
    {
        var due = state.State.Due.Where(d => d.Value <= now).ToList();
        foreach (var chunk in due.Chunk(WakeConcurrency))
        {
            await Task.WhenAll(chunk.Select(d => GrainFactory.GetGrain<ICustomerGrain>(d.Key).WakeAsync()));
        }
        // Only what was woken goes: a customer may have asked meanwhile for another moment in this hour.
        var woken = due.Count(d => ((ICollection<KeyValuePair<string, DateTimeOffset>>)state.State.Due).Remove(d));
        if (woken > 0)
        {
            await WriteAsync();
        }
        return state.State.Due.Count == 0;
    }

    private Task WriteAsync() =>
        (_writes ??= new CoalescedWrites(() => state.WriteOrForgetAsync(this), checkpoints.Value.Interval, clock)).WriteAsync();
}
