using Engagement.Schedule;

namespace Engagement.Silo.Schedule;

/// <summary>Starts the cluster's one wake-up clock as a silo starts, rather than at the reminder's next tick; tries again
/// every <see cref="ScheduleClockGrain.KeepAlivePeriod"/> until it has.</summary>
public sealed class ScheduleClockStart(IGrainFactory grains, TimeProvider clock, ILogger<ScheduleClockStart> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ScheduleClockGrain.KeepAlivePeriod, clock);
        do
        {
            try
            {
                await grains.GetGrain<IScheduleClockGrain>(0).StartAsync();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Starting the schedule clock failed and is tried again: {Error}", LoggedFailure.Describe(ex));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
