namespace Engagement.Rules;

/// <summary>One back-test (keyed by its id): runs in the background on the silo that holds it, and answers its report as
/// far as it has got; the report stays for an hour after it finishes.</summary>
public interface IBacktestGrain : IGrainWithStringKey
{
    /// <summary>Starts the back-test of <paramref name="candidate"/> (rule set JSON; figures left out keep the value in
    /// force) against the rule set in force over [<paramref name="from"/>, <paramref name="to"/>]; a second start
    /// changes nothing. Null with the problems when the candidate is invalid.</summary>
    Task<BacktestStart> StartAsync(string candidate, DateTimeOffset from, DateTimeOffset to);

    /// <summary>The report so far, or null when it was never started (or is long finished).</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<BacktestReport?> GetAsync();
}

/// <summary>A started back-test's first report, or why its candidate is invalid.</summary>
/// <param name="Report">The report, when started.</param>
/// <param name="Problems">One line per bad figure.</param>
[GenerateSerializer, Immutable, Alias("Engagement.BacktestStart")]
public sealed record BacktestStart([property: Id(0)] BacktestReport? Report, [property: Id(1)] IReadOnlyList<string> Problems);
