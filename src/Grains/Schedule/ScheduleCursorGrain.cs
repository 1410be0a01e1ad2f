using Engagement.State;
using Orleans.Runtime;

namespace Engagement.Schedule;

/// <summary>Keeps the silo clock's cursor.</summary>
public sealed class ScheduleCursorGrain(
    [PersistentState("cursor", StorageNames.Cluster)] IPersistentState<ScheduleCursorState> state) : Grain, IScheduleCursorGrain
{
    /// <inheritdoc />
    public Task<DateTimeOffset?> GetAsync() => Task.FromResult(state.State.Hour);

    /// <inheritdoc />
    public async Task SetAsync(DateTimeOffset hour)
    {
        state.State.Hour = hour;
        await state.WriteOrForgetAsync(this);
    }
}
