using Azure;
using Azure.Data.Tables;

namespace Engagement.Silo.Storage;

/// <summary>Sends the writes of one table that share a partition together, as one entity group transaction: a write to
/// a partition with nothing in flight goes at once, alone; the writes that arrive while it is in flight go together as
/// soon as it returns.</summary>
/// <remarks>
/// Every write still completes only when the table service has stored it, so a grain call that awaits its write
/// returns after the state is durable, exactly as with one request per write. A transaction is all or nothing: when one
/// of its writes fails a precondition, that write alone fails with the service's error and the others are sent again.
/// A client made with <see cref="TransactionBodyPolicy.ClientOptions"/> sends the transactions with our body.
/// </remarks>
internal sealed class PartitionWriteBatcher(TableClient table)
{
    /// <summary>Azure's limit of actions in one transaction.</summary>
    private const int MaxActions = 100;

    /// <summary>Serialized bytes per transaction: Azure allows 4 MiB of request, and Azurite's JSON holds binary as base64.</summary>
    private const long MaxBatchBytes = 2560 * 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<PendingWrite>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Writes the entity (adds it when <paramref name="etag"/> is null, else replaces it if its ETag still
    /// matches) and returns its new ETag; <paramref name="bytes"/> is its serialized size, to keep transactions in bounds.</summary>
    public Task<ETag> WriteAsync(TableEntity entity, ETag? etag, int bytes)
    {
        var write = new PendingWrite(entity, etag, bytes);
        List<PendingWrite>? first = null;
        lock (_gate)
        {
            if (_waiting.TryGetValue(entity.PartitionKey, out var waiting))
            {
                waiting.Add(write);
            }
            else
            {
                // No list: nothing in flight for this partition. The empty list marks it busy until the sender is done.
                _waiting[entity.PartitionKey] = [];
                first = [write];
            }
        }
        if (first is not null)
        {
            _ = SendAsync(entity.PartitionKey, first);
        }
        return write.Done.Task;
    }

    private async Task SendAsync(string partitionKey, List<PendingWrite> batch)
    {
        while (batch.Count > 0)
        {
            await SubmitAsync(batch);
            lock (_gate)
            {
                batch = TakeBatch(_waiting[partitionKey]);
                if (batch.Count == 0)
                {
                    _waiting.Remove(partitionKey);
                }
            }
        }
    }

    // In arrival order, within Azure's bounds, and never the same row twice: a transaction may touch a row only once.
    private static List<PendingWrite> TakeBatch(List<PendingWrite> waiting)
    {
        var batch = new List<PendingWrite>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        foreach (var write in waiting)
        {
            if (batch.Count == MaxActions || (batch.Count > 0 && bytes + write.Bytes > MaxBatchBytes) || !rows.Add(write.Entity.RowKey))
            {
                break;
            }
            batch.Add(write);
            bytes += write.Bytes;
        }
        waiting.RemoveRange(0, batch.Count);
        return batch;
    }

    private async Task SubmitAsync(List<PendingWrite> batch)
    {
        if (batch.Count == 1)
        {
            await SubmitOneAsync(batch[0]);
            return;
        }
        try
        {
            var actions = batch.Select(w => w.ETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, w.Entity, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, w.Entity)).ToList();
            using var transaction = TransactionBodyPolicy.For(table, actions);
            var responses = (await table.SubmitTransactionAsync(actions)).Value;
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Complete(responses[i]);
            }
        }
        catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex is { } failed && failed < batch.Count)
        {
            batch[failed].Done.TrySetException(e);
            batch.RemoveAt(failed);
            await SubmitAsync(batch);
        }
        catch (Exception e)
        {
            batch.ForEach(w => w.Done.TrySetException(e));
        }
    }

    private async Task SubmitOneAsync(PendingWrite write)
    {
        try
        {
            write.Complete(write.ETag is { } etag
                ? await table.UpdateEntityAsync(write.Entity, etag, TableUpdateMode.Replace)
                : await table.AddEntityAsync(write.Entity));
        }
        catch (Exception e)
        {
            write.Done.TrySetException(e);
        }
    }

    private sealed class PendingWrite(TableEntity entity, ETag? etag, int bytes)
    {
        public TableEntity Entity => entity;
        public ETag? ETag => etag;
        public int Bytes => bytes;
        public TaskCompletionSource<ETag> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Complete(Response response)
        {
            if (response.Headers.ETag is { } stored)
            {
                Done.TrySetResult(stored);
            }
            else
            {
                Done.TrySetException(new InvalidOperationException("The table service returned no ETag for a write."));
            }
        }
    }
}
