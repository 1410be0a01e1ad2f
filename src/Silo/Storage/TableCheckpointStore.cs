using Azure;
using Azure.Data.Tables;
using Engagement.Checkpoints;

namespace Engagement.Silo.Storage;

/// <summary>Customer checkpoints in Azure Table Storage: the customers of one of <see cref="StorageOptions.CheckpointPartitions"/>
/// partitions share a partition key, so the states a checkpoint writes go as entity group transactions of up to 100.</summary>
/// <remarks>Each state is one entity laid out by <see cref="StateEntityCodec"/>, written with optimistic concurrency
/// on its ETag; the transactions are formed by <see cref="PartitionWriteBatcher"/>. Each partition has a table of its
/// own (<see cref="StorageOptions.CheckpointTable"/>): Azure does not mind, and Azurite's cost of a write grows with the
/// rows of its table (docs/notes/table-storage.md).</remarks>
internal sealed class TableCheckpointStore : ICheckpointStore
{
    /// <summary>The start of every customer checkpoint partition key; two hex digits of the partition follow.</summary>
    internal const string PartitionPrefix = "checkpoint-customer_";

    private readonly Partition[] _partitions;

    /// <summary>Creates the store on the configured account and tables; each table is created on first use.</summary>
    public TableCheckpointStore(StorageOptions options) =>
        _partitions = Enumerable.Range(0, options.CheckpointPartitions)
            .Select(partition => new Partition($"{PartitionPrefix}{partition:x2}",
                new LazyTable(new TableClient(options.ConnectionString, options.CheckpointTable(partition), TransactionBodyPolicy.ClientOptions()))))
            .ToArray();

    /// <inheritdoc />
    public async Task<StoredCheckpoint?> ReadAsync(string key, CancellationToken cancellation)
    {
        var partition = PartitionOf(key);
        var client = await partition.Table.ReadyAsync(cancellation);
        var stored = await client.GetEntityIfExistsAsync<TableEntity>(partition.Key, TableKeys.Escape(key), cancellationToken: cancellation);
        if (!stored.HasValue)
        {
            return null;
        }
        var snapshot = StateEntityCodec.Decode(stored.Value!, why => new InvalidDataException($"A stored customer checkpoint is unreadable: {why}."));
        return new StoredCheckpoint(snapshot, stored.Value!.ETag.ToString());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CheckpointWriteResult>> WriteAsync(IReadOnlyList<CheckpointWrite> writes, CancellationToken cancellation)
    {
        var partitions = writes.Select(w => PartitionOf(w.Key)).ToList();
        await Task.WhenAll(partitions.Distinct().Select(p => p.Table.ReadyAsync(cancellation)));
        return await Task.WhenAll(writes.Select((write, i) => WriteOneAsync(write, partitions[i])));
    }

    private static async Task<CheckpointWriteResult> WriteOneAsync(CheckpointWrite write, Partition partition)
    {
        if (StateEntityCodec.Encode(partition.Key, TableKeys.Escape(write.Key), write.Snapshot) is not var (entity, bytes))
        {
            return CheckpointWriteResult.Failed(new GrainStateTooLargeException("customer", "checkpoint", write.Snapshot.Bytes.Length, StateEntityCodec.MaxStateBytes));
        }
        try
        {
            var etag = await partition.Writes.WriteAsync(entity, write.ETag is { } known ? new ETag(known) : null, bytes);
            return CheckpointWriteResult.Stored(etag.ToString());
        }
        // An add finds the row taken (409), or a replace finds it changed (412) or gone (404): another writer won.
        catch (RequestFailedException e) when (write.ETag is null ? e.Status == 409 : e.Status is 412 or 404)
        {
            return CheckpointWriteResult.Lost();
        }
        catch (Exception e)
        {
            return CheckpointWriteResult.Failed(e);
        }
    }

    private Partition PartitionOf(string key) => _partitions[StableHash.ShardOf(key, _partitions.Length)];

    private sealed class Partition(string key, LazyTable table)
    {
        public string Key => key;
        public LazyTable Table => table;
        public PartitionWriteBatcher Writes { get; } = new(table.Client);
    }
}
