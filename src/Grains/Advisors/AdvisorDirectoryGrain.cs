using Engagement.State;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Engagement.Advisors;

/// <summary>The directory of advisors: written only when an advisor is new to it.</summary>
public sealed class AdvisorDirectoryGrain(
    [PersistentState("directory", StorageNames.Advisors)] IPersistentState<AdvisorDirectoryState> state) : Grain, IAdvisorDirectoryGrain
{
    /// <inheritdoc />
    public async Task ListAsync(string advisorId)
    {
        if (state.State.Advisors.Add(advisorId))
        {
            await state.WriteOrForgetAsync(this);
        }
    }

    /// <inheritdoc />
    [ReadOnly]
    public Task<IReadOnlyList<string>> GetAdvisorsAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.Advisors.ToList());
}
