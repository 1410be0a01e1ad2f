namespace Engagement.Schedule;

/// <summary>The oldest hour bucket the silo clock has not yet emptied, kept across restarts.</summary>
[Alias("Engagement.IScheduleCursorGrain")]
public interface IScheduleCursorGrain : IGrainWithIntegerKey
{
    /// <summary>The oldest hour not yet emptied, or null before the first run.</summary>
    [Alias("Get")]
    Task<DateTimeOffset?> GetAsync();

    /// <summary>Moves the cursor to <paramref name="hour"/>.</summary>
    [Alias("Set")]
    Task SetAsync(DateTimeOffset hour);
}
