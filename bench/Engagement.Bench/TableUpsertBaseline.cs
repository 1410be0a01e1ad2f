using System.Diagnostics;
using Azure.Data.Tables;
using Engagement.Silo.Storage;

namespace Engagement.Bench;

/// <summary>The storage baseline: bare <c>Azure.Data.Tables</c> upserts, one entity per request, shaped as the engine's
/// grain state entities (a chunk count and one binary property of a given size), spread over as many tables as the
/// engine spreads its customers over (Azurite's cost of a write grows with the rows of its table).</summary>
public static class TableUpsertBaseline
{
    private const int Buckets = 256;

    /// <summary>Upserts <paramref name="count"/> entities of <paramref name="entityBytes"/> bytes into new tables,
    /// <paramref name="concurrency"/> at a time, cycling over <paramref name="keys"/> (so most upserts replace an entity, as
    /// the engine's writes do), and returns upserts per second.</summary>
    public static async Task<double> MeasureAsync(string connectionString, IReadOnlyList<string> keys, int entityBytes, int count,
        int concurrency, TextWriter progress, CancellationToken cancellation)
    {
        var layout = new StorageOptions { TableName = $"baseline{Guid.NewGuid():N}" };
        var tables = Enumerable.Range(0, layout.CheckpointPartitions)
            .Select(partition => new TableClient(connectionString, layout.CheckpointTable(partition)))
            .ToArray();
        await Task.WhenAll(tables.Select(t => t.CreateIfNotExistsAsync(cancellation)));
        var payload = new byte[entityBytes];
        Random.Shared.NextBytes(payload);
        var reporter = new Simulator.ProgressReporter(progress, "bare table upserts", count);
        long done = 0;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellation },
            async (i, token) =>
            {
                var key = keys[i % keys.Count];
                var entity = new TableEntity($"customer_{(uint)key.GetHashCode() % Buckets:x2}", $"{key}~~customer")
                {
                    ["Chunks"] = 1,
                    ["Data0"] = payload,
                };
                await tables[StableHash.ShardOf(key, tables.Length)].UpsertEntityAsync(entity, TableUpdateMode.Replace, token);
                var upserted = Interlocked.Increment(ref done);
                lock (reporter)
                {
                    reporter.Report(upserted);
                }
            });
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
