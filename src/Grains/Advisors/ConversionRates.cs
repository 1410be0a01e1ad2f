namespace Engagement.Advisors;

/// <summary>The silo's way to the cluster's conversion view, as of its clock.</summary>
public sealed class ConversionRates(IGrainFactory grains, TimeProvider clock) : IConversionRates
{
    /// <inheritdoc />
    public Task<ConversionTable> CurrentAsync(CancellationToken cancellationToken) =>
        grains.GetGrain<IConversionGrain>(0).AsOfAsync(clock.GetUtcNow()).WaitAsync(cancellationToken);
}
