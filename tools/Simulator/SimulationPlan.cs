namespace Engagement.Simulator;

/// <summary>How a run unfolds: everyone's onboarding at <see cref="Start"/>, then one everyday occurrence per
/// <see cref="Step"/> of business time.</summary>
public sealed record SimulationPlan
{
    /// <summary>The business time of the onboarding; the first everyday occurrence is one step later.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>The business time between two everyday occurrences.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many everyday occurrences follow the onboarding; 0 runs until cancelled.</summary>
    public long Occurrences { get; init; }

    /// <summary>The pace in records per second of wall time; 0 is as fast as possible.</summary>
    public double RecordsPerSecond { get; init; }
}
