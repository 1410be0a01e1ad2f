using Engagement.Customers;
using Engagement.Rules;

namespace Engagement.Backtests;

/// <summary>One back-test: reads the retained input once and folds it through the rule set in force and the candidate,
/// apart from live state (nothing live changes, nothing is published); <see cref="Report"/> says how far it got.</summary>
public sealed class BacktestRun
{
    // Progress is reported this often while folding.
    private const int ProgressEvery = 5_000;

    private readonly CustomerRules _inForce;
    private readonly CustomerRules _candidate;
    private readonly DateTimeOffset _clockEnd;
    private volatile BacktestReport _report;

    /// <summary>A back-test over [<paramref name="from"/>, <paramref name="to"/>]; the clock-driven rules run up to
    /// <paramref name="to"/>, or up to <paramref name="now"/> when the window reaches past it.</summary>
    public BacktestRun(string backtestId, CustomerRules inForce, CustomerRules candidate, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        _inForce = inForce;
        _candidate = candidate;
        _clockEnd = to < now ? to : now;
        _report = new BacktestReport(backtestId, BacktestStatus.Running, from, to, new BacktestProgress(0, 0, 0, 0),
            new BacktestSide(inForce.Version, 0), new BacktestSide(null, 0),
            new Dictionary<string, TypeDifference>(), new Dictionary<string, AdvisorDifference>());
    }

    /// <summary>The report as far as the run has got.</summary>
    public BacktestReport Report => _report;

    /// <summary>Runs to the end; a failure ends in a <see cref="BacktestStatus.Failed"/> report, never an exception.</summary>
    public async Task RunAsync(IRetainedInput input, Func<string, Tier, decimal?> conversion, CancellationToken cancellation)
    {
        try
        {
            var records = await input.ReadAsync(_report.To,
                (read, total) => _report = _report with { Progress = _report.Progress with { RecordsRead = read, RecordsTotal = total } }, cancellation);
            var folds = new[] { new RuleFold(_inForce), new RuleFold(_candidate) };
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                foreach (var fold in folds)
                {
                    if (record.Customer is { } e)
                    {
                        fold.Apply(e, record.RecordedAt);
                    }
                    else
                    {
                        fold.Apply(record.Nav!, record.RecordedAt);
                    }
                }
                if ((i + 1) % ProgressEvery == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                    _report = _report with { Progress = _report.Progress with { EventsFolded = i + 1, Customers = folds[0].Customers } };
                }
            }
            foreach (var fold in folds)
            {
                fold.AdvanceTo(_clockEnd);
            }
            _report = BacktestComparison.Compare(
                _report with { Progress = _report.Progress with { EventsFolded = records.Count, Customers = folds[0].Customers } },
                folds[0].Fired, folds[1].Fired, conversion);
        }
        catch (Exception e)
        {
            _report = _report with { Status = BacktestStatus.Failed, Error = LoggedFailure.Describe(e) };
        }
    }
}
