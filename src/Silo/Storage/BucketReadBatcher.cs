using Azure.Data.Tables;

namespace Engagement.Silo.Storage;

/// <summary>Reads customers' properties from the bucket rows of one partition, many activations per request: a read
/// with nothing in flight goes at once, alone; the reads that arrive while it is in flight go together, as one query
/// for their rows selecting their properties, as soon as it returns.</summary>
/// <remarks>Every query starts after each of its reads was asked for, so each sees every write that completed before it
/// was asked, as a read of its own would. Azurite charges by the request (a query of 14 rows cost about what a point
/// read does), and a cold start activates thousands of customers at once.</remarks>
internal sealed class BucketReadBatcher(LazyTable table, string partitionKey)
{
    /// <summary>Rows per query: Azure allows 15 comparisons in a filter, the partition's and 14 rows'.</summary>
    private const int MaxRows = 14;

    /// <summary>Properties per query, to keep its address short.</summary>
    private const int MaxProperties = 100;

    // A query with $select answers only the properties it names: the row key tells its rows apart.
    private const string RowKeyProperty = "RowKey";

    private readonly Lock _gate = new();
    private List<PendingRead>? _waiting;

    /// <summary>The value of <paramref name="property"/> in bucket row <paramref name="row"/>; null when the row or the
    /// property is not there.</summary>
    public Task<byte[]?> ReadAsync(string row, string property, CancellationToken cancellation)
    {
        var read = new PendingRead(row, property);
        bool first;
        lock (_gate)
        {
            // No list: nothing in flight. The empty list marks a query in flight until the sender is done.
            first = _waiting is null;
            if (first)
            {
                _waiting = [];
            }
            else
            {
                _waiting!.Add(read);
            }
        }
        if (first)
        {
            _ = SendAsync([read]);
        }
        return read.Done.Task.WaitAsync(cancellation);
    }

    private async Task SendAsync(List<PendingRead> batch)
    {
        while (batch.Count > 0)
        {
            await QueryAsync(batch);
            lock (_gate)
            {
                batch = TakeBatch(_waiting!);
                if (batch.Count == 0)
                {
                    _waiting = null;
                }
            }
        }
    }

    private static List<PendingRead> TakeBatch(List<PendingRead> waiting)
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var properties = new HashSet<string>(StringComparer.Ordinal);
        var taken = 0;
        foreach (var read in waiting)
        {
            if ((!rows.Contains(read.Row) && rows.Count == MaxRows) || (!properties.Contains(read.Property) && properties.Count == MaxProperties))
            {
                break;
            }
            rows.Add(read.Row);
            properties.Add(read.Property);
            taken++;
        }
        var batch = waiting.GetRange(0, taken);
        waiting.RemoveRange(0, taken);
        return batch;
    }

    private async Task QueryAsync(List<PendingRead> batch)
    {
        try
        {
            var client = await table.ReadyAsync(CancellationToken.None);
            // Partition key and rows are ours (a prefix and hex digits): nothing in them needs quoting.
            var rows = string.Join(" or ", batch.Select(r => r.Row).Distinct(StringComparer.Ordinal).Select(row => $"RowKey eq '{row}'"));
            var found = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            await foreach (var entity in client.QueryAsync<TableEntity>($"PartitionKey eq '{partitionKey}' and ({rows})",
                               select: [RowKeyProperty, .. batch.Select(r => r.Property).Distinct(StringComparer.Ordinal)]))
            {
                found[entity.RowKey] = entity;
            }
            batch.ForEach(read => read.Done.TrySetResult(found.GetValueOrDefault(read.Row)?.GetBinary(read.Property)));
        }
        catch (Exception e)
        {
            batch.ForEach(read => read.Done.TrySetException(e));
        }
    }

    private sealed class PendingRead(string row, string property)
    {
        public string Row => row;
        public string Property => property;
        public TaskCompletionSource<byte[]?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
