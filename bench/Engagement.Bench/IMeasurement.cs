namespace Engagement.Bench;

/// <summary>One measurement of a benchmark run, over the run's workload; it adds its figures to the context.</summary>
/// <remarks>A new figure is one more implementation in <see cref="BenchRunner"/>'s list.</remarks>
public interface IMeasurement
{
    /// <summary>Measures, reporting progress to <see cref="BenchContext.Progress"/>.</summary>
    Task MeasureAsync(BenchContext context, CancellationToken cancellation);
}
