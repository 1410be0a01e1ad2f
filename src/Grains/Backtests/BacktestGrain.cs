using Engagement.Advisors;
using Engagement.Rules;
using Microsoft.Extensions.Logging;

namespace Engagement.Backtests;

/// <summary>One back-test: checks the candidate, then folds the retained input on the thread pool, off the grain's
/// turn, while callers poll its report.</summary>
public sealed class BacktestGrain(RuleBook ruleBook, IRetainedInput input, IConversionRates conversions, TimeProvider clock,
    ILogger<BacktestGrain> logger)
    : Grain, IBacktestGrain
{
    // A report stays readable this long after its start, for the caller to poll it.
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    private readonly CancellationTokenSource _stopping = new();
    private BacktestRun? _run;

    /// <inheritdoc />
    public Task<BacktestStart> StartAsync(string candidate, DateTimeOffset from, DateTimeOffset to)
    {
        if (_run is not null)
        {
            return Task.FromResult(new BacktestStart(_run.Report, []));
        }
        var inForce = ruleBook.Current;
        var parse = RuleSetDocument.Change(candidate, inForce.Settings, inForce.Triggers);
        if (parse.Problems.Count > 0)
        {
            return Task.FromResult(new BacktestStart(null, parse.Problems));
        }
        var run = _run = new BacktestRun(this.GetPrimaryKeyString(), inForce, new CustomerRules(parse.Rules!, parse.Triggers!), from, to, clock.GetUtcNow());
        DelayDeactivation(Kept);
        logger.LogInformation("Back-test started against rule set version {Version}", inForce.Version);
        _ = Task.Run(async () =>
        {
            var rates = await PastConversionAsync();
            await run.RunAsync(input, (type, tier) => rates?.Rate(type, tier).Conversion, _stopping.Token);
            logger.LogInformation("Back-test ended: {Status}", run.Report.Status);
        });
        return Task.FromResult(new BacktestStart(run.Report, []));
    }

    // Without past outcomes the back-test still counts; it only cannot weigh the differences.
    private async Task<ConversionTable?> PastConversionAsync()
    {
        try
        {
            return await conversions.CurrentAsync(_stopping.Token);
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            logger.LogWarning("The back-test weighs no difference by past outcomes: they could not be read ({Error})", LoggedFailure.Describe(e));
            return null;
        }
    }

    /// <inheritdoc />
    public Task<BacktestReport?> GetAsync() => Task.FromResult(_run?.Report);

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        _stopping.Dispose();
        return Task.CompletedTask;
    }
}
