using Engagement.Advisors;

namespace Engagement.Telemetry;

/// <summary>The latest cluster-wide conversion table a silo holds, for the metrics to read without a grain call.</summary>
public interface IConversionReadings
{
    /// <summary>The table last fetched, or null before the first.</summary>
    ConversionTable? Latest { get; }
}
