namespace Engagement.Advisors;

/// <summary>The conversion past outcomes show, cluster-wide: what a back-test weighs the triggers a candidate rule set
/// adds or removes by, and what the metrics publish.</summary>
public interface IConversionRates
{
    /// <summary>Conversion per trigger type and tier over the last 90 days as of now; at most a few seconds old.</summary>
    Task<ConversionTable> CurrentAsync(CancellationToken cancellationToken);
}
