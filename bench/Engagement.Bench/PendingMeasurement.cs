namespace Engagement.Bench;

/// <summary>A figure the engine cannot be measured for yet: it is reported as n/a with the reason.</summary>
public sealed class PendingMeasurement(string name, string reason) : IMeasurement
{
    /// <inheritdoc />
    public Task MeasureAsync(BenchContext context, CancellationToken cancellation)
    {
        context.Figures.Add(new Figure(name, $"n/a ({reason})"));
        return Task.CompletedTask;
    }
}
