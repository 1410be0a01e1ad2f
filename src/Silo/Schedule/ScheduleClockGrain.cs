using Engagement.Schedule;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Schedule;

/// <summary>Runs the <see cref="DueClock"/> once per cluster: a grain timer ticks every <c>Schedule:Tick</c> and keeps
/// the one activation alive, and a reminder, which outlives silos, activates it again on another silo when its silo is
/// gone.</summary>
/// <remarks>Reminders tick at most once a minute while the tick may be shorter: the reminder only keeps the clock alive,
/// the timer does the work.</remarks>
public sealed class ScheduleClockGrain(DueClock clock, IOptions<ScheduleOptions> options, TimeProvider time, ILogger<ScheduleClockGrain> logger)
    : Grain, IScheduleClockGrain, IRemindable
{
    /// <summary>How often the reminder makes sure the clock is active somewhere.</summary>
    public static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(1);

    private const string KeepAliveReminder = "keep-alive";

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TimeSpan.Zero, options.Value.Tick) { KeepAlive = true });
        try
        {
            await this.RegisterOrUpdateReminder(KeepAliveReminder, KeepAlivePeriod, KeepAlivePeriod);
        }
        catch (Exception ex)
        {
            // The clock runs all the same; the reminder is registered again on the next activation.
            logger.LogWarning("The schedule clock's reminder could not be registered: {Error}", LoggedFailure.Describe(ex));
        }
    }

    /// <inheritdoc />
    public Task StartAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    // The timer counts its period from the end of a tick: a tick that outlasts the period is followed by another at once,
    // so that what fell due meanwhile is not left for a period later.
    private async Task TickAsync(CancellationToken cancellation)
    {
        DateTimeOffset started;
        do
        {
            started = time.GetUtcNow();
            try
            {
                await clock.TickAsync();
            }
            catch (Exception ex) when (!cancellation.IsCancellationRequested)
            {
                logger.LogWarning("The schedule tick failed and is retried next tick: {Error}", LoggedFailure.Describe(ex));
                return;
            }
        }
        while (!cancellation.IsCancellationRequested && time.GetUtcNow() - started >= options.Value.Tick);
    }
}
