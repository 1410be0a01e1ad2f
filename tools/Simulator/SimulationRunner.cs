using System.Diagnostics;

namespace Engagement.Simulator;

/// <summary>Feeds a simulator's records to a sink following a plan, with progress lines for long runs.</summary>
public static class SimulationRunner
{
    /// <summary>Runs the plan (until it is done or <paramref name="cancellation"/> fires), flushes, and returns
    /// how many records were sent.</summary>
    public static async Task<long> RunAsync(CoreBankingSimulator simulator, SimulationPlan plan, IRecordSink sink,
        TextWriter progress, CancellationToken cancellation)
    {
        var reporter = new ProgressReporter(progress, "simulator: records sent");
        var pace = Stopwatch.StartNew();
        long sent = 0;
        try
        {
            foreach (var record in simulator.Onboarding(plan.Start))
            {
                await SendAsync(record);
            }
            for (long i = 1; plan.Occurrences == 0 || i <= plan.Occurrences; i++)
            {
                foreach (var record in simulator.Next(plan.Start + TimeSpan.FromTicks(plan.Step.Ticks * i)))
                {
                    await SendAsync(record);
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        await sink.FlushAsync(CancellationToken.None);
        return sent;

        async ValueTask SendAsync(SimulatedRecord record)
        {
            cancellation.ThrowIfCancellationRequested();
            if (plan.RecordsPerSecond > 0 && TimeSpan.FromSeconds(sent / plan.RecordsPerSecond) - pace.Elapsed is var ahead
                && ahead > TimeSpan.Zero)
            {
                await Task.Delay(ahead, cancellation);
            }
            sink.Send(record);
            reporter.Report(++sent);
        }
    }
}
