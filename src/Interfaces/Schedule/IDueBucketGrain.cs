namespace Engagement.Schedule;

/// <summary>The customers due to be woken within one hour, one of <see cref="DueBuckets.ShardsPerHour"/> shards of it: a few grains per hour, not one reminder per customer per date.</summary>
[Alias("Engagement.IDueBucketGrain")]
public interface IDueBucketGrain : IGrainWithStringKey
{
    /// <summary>Asks for each customer to be woken at its moment (the earliest asked wins), durably.</summary>
    [Alias("Add")]
    Task AddAsync(IReadOnlyList<DueEntry> entries);

    /// <summary>Wakes every customer due by <paramref name="now"/>; answers whether the bucket is now empty.</summary>
    [Alias("Wake")]
    Task<bool> WakeAsync(DateTimeOffset now);
}
