using Engagement.Advisors;
using Engagement.Telemetry;

namespace Engagement.Silo.Hosting;

/// <summary>Fetches the cluster-wide conversion table every <see cref="Period"/>, so that a scrape reads the latest one
/// at once: an observable gauge's callback must not wait for grains.</summary>
public sealed class ConversionRefresh(IConversionRates rates, TimeProvider clock, ILogger<ConversionRefresh> logger)
    : BackgroundService, IConversionReadings
{
    /// <summary>How often the table is fetched.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private volatile ConversionTable? _latest;

    /// <inheritdoc />
    public ConversionTable? Latest => _latest;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        do
        {
            try
            {
                _latest = await rates.CurrentAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Fetching the conversion table failed; the metrics keep the last one: {Error}", LoggedFailure.Describe(ex));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
