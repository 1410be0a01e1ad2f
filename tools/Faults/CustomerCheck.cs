using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Engagement.Api.Auth;
using Engagement.Simulator;
using Engagement.Verification;

namespace Engagement.Faults;

/// <summary>Reads every customer from the engine's API until each has applied what the fold applied (or they stop
/// moving), then counts who lost events, who applied some twice and who differs otherwise.</summary>
public static class CustomerCheck
{
    private const int Parallel = 8;
    private const int Examples = 5;
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    /// <summary>Lost, doubled and differing customers of <paramref name="fold"/>, read through <paramref name="apis"/>
    /// in turn; waits up to <paramref name="patience"/> without progress for the engine to catch up.</summary>
    public static async Task<(int Lost, int Doubled, int Differing)> RunAsync(Fold fold, IReadOnlyList<string> customerIds,
        IReadOnlyList<HttpClient> apis, TimeSpan patience, TextWriter progress, CancellationToken cancellation)
    {
        var token = DevelopmentTokens.Create(new AuthOptions(), "service", null, TimeSpan.FromHours(2), DateTimeOffset.UtcNow);
        var seen = new ConcurrentDictionary<string, JsonElement?>(StringComparer.Ordinal);
        var pending = customerIds.ToList();
        var reporter = new ProgressReporter(progress, "  customers caught up", customerIds.Count);
        var sinceProgress = Stopwatch.StartNew();
        while (pending.Count > 0 && sinceProgress.Elapsed < patience)
        {
            var before = pending.Count;
            await System.Threading.Tasks.Parallel.ForEachAsync(pending.Select((id, i) => (id, i)),
                new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellation },
                async (c, _) => seen[c.id] = await ReadAsync(apis[c.i % apis.Count], c.id, token));
            pending = pending.Where(id => !(seen[id] is { } s && s.GetProperty("eventsApplied").GetInt64() >= fold.Customers[id].EventsApplied)).ToList();
            reporter.Report(customerIds.Count - pending.Count);
            if (pending.Count < before)
            {
                sinceProgress.Restart();
            }
            if (pending.Count > 0)
            {
                await Task.Delay(Pause, cancellation);
            }
        }

        int lost = 0, doubled = 0, differing = 0;
        foreach (var id in customerIds)
        {
            var want = fold.Customers[id];
            var applied = seen[id] is { } s ? s.GetProperty("eventsApplied").GetInt64() : 0;
            var difference = seen[id] is { } state ? CustomerComparison.Difference(want, state) : "not served";
            var count = applied < want.EventsApplied ? ++lost : applied > want.EventsApplied ? ++doubled : difference is null ? 0 : ++differing;
            if (difference is not null && count <= Examples)
            {
                await progress.WriteLineAsync($"  {id}: {difference}");
            }
        }
        return (lost, doubled, differing);
    }

    private static async Task<JsonElement?> ReadAsync(HttpClient api, string customerId, string token)
    {
        try
        {
            return await api.GetJsonAsync($"/api/customers/{customerId}", token);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
