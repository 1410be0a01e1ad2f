namespace Engagement.Advisors;

/// <summary>The cluster's one view of conversion (key 0): gathered from every advisor in the directory, kept a few
/// seconds, so however many silos and callers ask, advisors are asked at most once in that time.</summary>
[Alias("Engagement.IConversionGrain")]
public interface IConversionGrain : IGrainWithIntegerKey
{
    /// <summary>Conversion per trigger type and tier over the 90 days up to the day of <paramref name="asOf"/>.</summary>
    [Alias("AsOf")]
    Task<ConversionTable> AsOfAsync(DateTimeOffset asOf);
}
