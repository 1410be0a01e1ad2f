using Engagement.Checkpoints;
using Engagement.State;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Engagement.Advisors;

/// <summary>The directory of advisors: written only when an advisor is new to it.</summary>
/// <remarks>Reentrant so that the advisors listing themselves at the same moment (every advisor of a cold start) share
/// one write, at most one per <see cref="CheckpointOptions.Interval"/>, rather than queueing one write each.</remarks>
[Reentrant]
public sealed class AdvisorDirectoryGrain : Grain, IAdvisorDirectoryGrain
{
    private readonly IPersistentState<AdvisorDirectoryState> _state;
    private readonly CoalescedWrites _writes;

    /// <summary>Creates the grain over its stored directory.</summary>
    public AdvisorDirectoryGrain([PersistentState("directory", StorageNames.Cluster)] IPersistentState<AdvisorDirectoryState> state,
        IOptions<CheckpointOptions> checkpoints, TimeProvider clock)
    {
        _state = state;
        _writes = new CoalescedWrites(() => _state.WriteOrForgetAsync(this), checkpoints.Value.Interval, clock);
    }

    /// <inheritdoc />
    public Task ListAsync(string advisorId) => _state.State.Advisors.Add(advisorId) ? _writes.WriteAsync() : Task.CompletedTask;

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<string>> GetAdvisorsAsync() => Task.FromResult<IReadOnlyList<string>>(_state.State.Advisors.ToList());
}
