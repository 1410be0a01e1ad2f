using Engagement.Events;

namespace Engagement.Bench;

/// <summary>A grain that does nothing with what it is given: what a call to one grain per customer costs alone.</summary>
public sealed class FloorGrain : Grain, IFloorGrain
{
    /// <inheritdoc />
    public Task ApplyAsync(IReadOnlyList<CustomerEvent> events) => Task.CompletedTask;
}
