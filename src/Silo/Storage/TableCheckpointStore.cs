using Azure;
using Azure.Data.Tables;
using Engagement.Checkpoints;

namespace Engagement.Silo.Storage;

/// <summary>Customer checkpoints in Azure Table Storage: the customers of one of <see cref="StorageOptions.CheckpointPartitions"/>
/// partitions share a partition key, so the states a checkpoint writes go as entity group transactions of up to 100.</summary>
/// <remarks>Each state is one entity laid out by <see cref="StateEntityCodec"/>, written with optimistic concurrency
/// on its ETag; the transactions are formed by <see cref="PartitionWriteBatcher"/>.</remarks>
internal sealed class TableCheckpointStore : ICheckpointStore
{
    /// <summary>The start of every customer checkpoint partition key; two hex digits of the partition follow.</summary>
    internal const string PartitionPrefix = "checkpoint-customer_";

    private readonly LazyTable _table;
    private readonly PartitionWriteBatcher _writes;
    private readonly int _partitions;

    /// <summary>Creates the store on the configured account and table; the table is created on first use.</summary>
    public TableCheckpointStore(StorageOptions options)
    {
        _table = new LazyTable(new TableClient(options.ConnectionString, options.TableName));
        _writes = new PartitionWriteBatcher(_table.Client);
        _partitions = options.CheckpointPartitions;
    }

    /// <inheritdoc />
    public async Task<StoredCheckpoint?> ReadAsync(string key, CancellationToken cancellation)
    {
        var client = await _table.ReadyAsync(cancellation);
        var stored = await client.GetEntityIfExistsAsync<TableEntity>(PartitionOf(key), TableKeys.Escape(key), cancellationToken: cancellation);
        if (!stored.HasValue)
        {
            return null;
        }
        var bytes = StateEntityCodec.Decode(stored.Value!, why => new InvalidDataException($"A stored customer checkpoint is unreadable: {why}."));
        return new StoredCheckpoint(bytes, stored.Value!.ETag.ToString());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CheckpointWriteResult>> WriteAsync(IReadOnlyList<CheckpointWrite> writes, CancellationToken cancellation)
    {
        await _table.ReadyAsync(cancellation);
        return await Task.WhenAll(writes.Select(WriteOneAsync));
    }

    private async Task<CheckpointWriteResult> WriteOneAsync(CheckpointWrite write)
    {
        if (StateEntityCodec.Encode(PartitionOf(write.Key), TableKeys.Escape(write.Key), write.Bytes) is not var (entity, bytes))
        {
            return CheckpointWriteResult.Failed(new GrainStateTooLargeException("customer", "checkpoint", write.Bytes.Length, StateEntityCodec.MaxStateBytes));
        }
        try
        {
            var etag = await _writes.WriteAsync(entity, write.ETag is { } known ? new ETag(known) : null, bytes);
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

    private string PartitionOf(string key) => $"{PartitionPrefix}{StableHash.ShardOf(key, _partitions):x2}";
}
