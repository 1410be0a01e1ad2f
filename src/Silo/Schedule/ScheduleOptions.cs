namespace Engagement.Silo.Schedule;

/// <summary>The silo clock, bound from the <c>Schedule</c> configuration section.</summary>
public sealed class ScheduleOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Schedule";

    /// <summary>How often the clock wakes the customers that are due.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How far back the first run of a new deployment starts.</summary>
    public TimeSpan FirstRunLookBack { get; set; } = TimeSpan.FromHours(1);
}
