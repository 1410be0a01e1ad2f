namespace Engagement.Bench;

/// <summary>What the measurements of one run share: the workload, the baseline, the figures and the checks so far.</summary>
public sealed class BenchContext(Workload workload, TextWriter progress)
{
    /// <summary>The records every measurement reads.</summary>
    public Workload Workload => workload;

    /// <summary>Where progress lines go.</summary>
    public TextWriter Progress => progress;

    /// <summary>The bare consumer's events per second over the workload: the baseline of every ratio.</summary>
    public double? BaselineEventsPerSecond { get; set; }

    /// <summary>The customer events the engine applied, summed over every customer's <c>eventsApplied</c>.</summary>
    public long? EventsApplied { get; set; }

    /// <summary>The records the engine sent to the dead-letter topic.</summary>
    public long? DeadLettered { get; set; }

    /// <summary>The figures so far, in order.</summary>
    public List<Figure> Figures { get; } = [];
}
