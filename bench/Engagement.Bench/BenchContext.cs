namespace Engagement.Bench;

/// <summary>What the measurements of one run share: the workload, the baseline, the figures and the checks so far.</summary>
public sealed class BenchContext(Workload workload, BenchOptions options, TextWriter progress)
{
    /// <summary>The records every measurement reads.</summary>
    public Workload Workload => workload;

    /// <summary>The run's options.</summary>
    public BenchOptions Options => options;

    /// <summary>Where progress lines go.</summary>
    public TextWriter Progress => progress;

    /// <summary>The bare consumer's events per second over the workload: the baseline of the ingest ratio.</summary>
    public double? BaselineEventsPerSecond { get; set; }

    /// <summary>The Orleans floor's events per second over the workload: the baseline of the floor ratio.</summary>
    public double? FloorEventsPerSecond { get; set; }

    /// <summary>The one-silo engine's events per second with durable grain state: the baseline of the 2-silo ratio.</summary>
    public double? DurableEventsPerSecond { get; set; }

    /// <summary>What each engine run applied.</summary>
    public List<AppliedCount> Applied { get; } = [];

    /// <summary>Whether every engine run applied every customer event exactly once and dead-lettered nothing.</summary>
    public bool Exact => Applied.Count > 0 && Applied.All(a => a.EventsApplied == workload.CustomerEvents && a.DeadLettered == 0);

    /// <summary>The figures so far, in order.</summary>
    public List<Figure> Figures { get; } = [];

    /// <summary>Adds a figure, and shows it with the progress at once: a run that fails later still tells what it measured.</summary>
    public void Report(Figure figure)
    {
        Figures.Add(figure);
        progress.WriteLine($"measured: {figure}");
    }

    /// <summary>Adds <paramref name="name"/>, <paramref name="rate"/> ÷ <paramref name="baseline"/> to two decimals,
    /// unless the baseline was not measured.</summary>
    public void ReportRatio(string name, double rate, double? baseline)
    {
        if (baseline is { } b)
        {
            Report(new Figure(name, $"{rate / b:0.00}"));
        }
    }
}

/// <summary>What one engine run applied.</summary>
/// <param name="Run">Which run: its grain storage.</param>
/// <param name="EventsApplied">The sum of every customer's <c>eventsApplied</c>.</param>
/// <param name="DeadLettered">The records on the dead-letter topic.</param>
public sealed record AppliedCount(string Run, long EventsApplied, long DeadLettered);
