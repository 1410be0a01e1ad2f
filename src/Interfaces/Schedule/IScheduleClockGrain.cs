using Orleans.Concurrency;

namespace Engagement.Schedule;

/// <summary>The wake-up clock of the whole cluster: one activation, wherever it lives, empties the due buckets.</summary>
[Alias("Engagement.IScheduleClockGrain")]
public interface IScheduleClockGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the clock runs (activating it starts it); answers at once, even while a tick is running.</summary>
    [Alias("Start"), AlwaysInterleave]
    Task StartAsync();
}
