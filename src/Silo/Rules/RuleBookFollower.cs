using Engagement.Rules;

namespace Engagement.Silo.Rules;

/// <summary>Keeps this silo's <see cref="RuleBook"/> on the rule set in force: reads it before ingest starts, is told of
/// each change, and reads it again and renews its subscription every <see cref="Renewal"/> in case a telling was lost.</summary>
internal sealed class RuleBookFollower(IGrainFactory grains, RuleBook book, TimeProvider clock, ILogger<RuleBookFollower> logger)
    : BackgroundService, IRuleSetObserver
{
    /// <summary>How often the silo reads the rule set again and renews its subscription.</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(10);

    private IRuleSetObserver? _reference;

    private IRuleSetGrain RuleSet => grains.GetGrain<IRuleSetGrain>(0);

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<IRuleSetObserver>(this);
        // Ingest starts after this: no event is applied under figures older than the stored rule set.
        while (true)
        {
            try
            {
                await FollowAsync();
                logger.LogInformation("Rule set version {Version} is in force", book.Current.Version);
                break;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("The rule set could not be read ({Error}); ingest waits for it and it is read again in a second", LoggedFailure.Describe(e));
                await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellationToken);
            }
        }
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task InForceAsync(RuleSetVersion ruleSet)
    {
        if (book.Use(ruleSet))
        {
            logger.LogInformation("Rule set version {Version} is in force", ruleSet.Version);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is not null)
        {
            grains.DeleteObjectReference<IRuleSetObserver>(_reference);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Renewal, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await FollowAsync();
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("The rule set could not be read again ({Error}); it is tried at the next renewal", LoggedFailure.Describe(e));
            }
        }
    }

    private async Task FollowAsync()
    {
        await RuleSet.SubscribeAsync(_reference!);
        await InForceAsync(await RuleSet.GetCurrentAsync());
    }
}
