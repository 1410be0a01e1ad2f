using Azure.Data.Tables;
using Engagement.Checkpoints;

namespace Engagement.Silo.Storage;

/// <summary>Customer checkpoints in Azure Table Storage: each customer is a property of one of
/// <see cref="StorageOptions.CheckpointBuckets"/> bucket rows, and a checkpoint merges into each bucket row the customers
/// of it that changed, one write for all of them.</summary>
/// <remarks>A state larger than <see cref="CheckpointBucket.InlineLimit"/> moves to a row of its own (laid out by
/// <see cref="StateEntityCodec"/>), and its bucket property marks it so; it stays there. The bucket rows of a table share a
/// partition key, so a checkpoint's merges into one table go as entity group transactions through
/// <see cref="PartitionWriteBatcher"/>, and the activations' reads of one table as queries of many rows through
/// <see cref="BucketReadBatcher"/>. Merges carry no ETag: two activations of one customer writing at once would leave
/// the later write, which the grain directory's single activation rules out (docs/notes/table-storage.md). The ETags this
/// store hands back say where a state is: <see cref="InBucket"/> or <see cref="InOwnRow"/>.</remarks>
internal sealed class TableCheckpointStore : ICheckpointStore
{
    /// <summary>The start of the partition key of every bucket row; two hex digits of the table follow.</summary>
    internal const string BucketPartitionPrefix = "checkpoint-bucket_";

    /// <summary>The start of the partition key of every customer's own row; two hex digits of the table follow.</summary>
    internal const string OwnRowPartitionPrefix = "checkpoint-customer_";

    /// <summary>The ETag of a state held in its bucket row.</summary>
    internal const string InBucket = "bucket";

    /// <summary>The ETag of a state held in a row of its own.</summary>
    internal const string InOwnRow = "row";

    private readonly Partition[] _partitions;
    private readonly int _buckets;

    /// <summary>Creates the store on the configured account and tables; each table is created on first use.</summary>
    public TableCheckpointStore(StorageOptions options)
    {
        _buckets = options.CheckpointBuckets;
        _partitions = Enumerable.Range(0, options.CheckpointPartitions)
            .Select(partition => new Partition(partition,
                new LazyTable(new TableClient(options.ConnectionString, options.CheckpointTable(partition), TransactionBodyPolicy.ClientOptions()))))
            .ToArray();
    }

    /// <summary>The sizes of the states <paramref name="entity"/> holds, one per customer: each customer property of a
    /// bucket row, or the chunks of a customer's own row.</summary>
    internal static IEnumerable<int> StoredStateSizes(TableEntity entity) =>
        entity.PartitionKey.StartsWith(BucketPartitionPrefix, StringComparison.Ordinal)
            ? entity.Select(property => property.Value).OfType<byte[]>().Select(CheckpointBucket.StoredBytes).OfType<int>()
            : [entity.Select(property => property.Value).OfType<byte[]>().Sum(chunk => chunk.Length)];

    /// <inheritdoc />
    public async Task<StoredCheckpoint?> ReadAsync(string key, CancellationToken cancellation)
    {
        var place = PlaceOf(key);
        if (await place.Partition.Reads.ReadAsync(place.BucketRow, place.Property, cancellation) is not { } value)
        {
            return null;
        }
        if (!CheckpointBucket.IsOwnRowMark(value))
        {
            return new StoredCheckpoint(CheckpointBucket.Snapshot(value, Unreadable), InBucket);
        }
        var client = await place.Partition.Table.ReadyAsync(cancellation);
        var own = await client.GetEntityIfExistsAsync<TableEntity>(place.Partition.OwnRowKey, place.OwnRow, cancellationToken: cancellation);
        return own.HasValue
            ? new StoredCheckpoint(StateEntityCodec.Decode(own.Value!, Unreadable), InOwnRow)
            : throw Unreadable("its bucket marks it as stored in a row of its own, and that row is missing");
    }

    /// <inheritdoc />
    /// <remarks>A state that moves to a row of its own is written there before its bucket's mark, so a crash between the
    /// two leaves the bucket holding the state before, which the replay from the committed offsets brings up to date.</remarks>
    public async Task<IReadOnlyList<CheckpointWriteResult>> WriteAsync(IReadOnlyList<CheckpointWrite> writes, CancellationToken cancellation)
    {
        var pending = writes.Select(write => new PendingWrite(write, PlaceOf(write.Key))).ToList();
        await Task.WhenAll(pending.Select(p => p.Place.Partition).Distinct().Select(p => p.Table.ReadyAsync(cancellation)));

        var moving = pending.Where(p => p.OwnRow && p.Write.ETag != InOwnRow).ToList();
        await Task.WhenAll(moving.Select(WriteOwnRowAsync));
        var staying = pending.Where(p => p.OwnRow && p.Write.ETag == InOwnRow).Select(WriteOwnRowAsync);
        var buckets = pending.Where(p => p.Result is null && (!p.OwnRow || p.Write.ETag != InOwnRow))
            .GroupBy(p => p.Place.BucketRow)
            .Select(MergeBucketAsync);
        await Task.WhenAll(staying.Concat(buckets));
        return pending.Select(p => p.Result ?? CheckpointWriteResult.Stored(p.OwnRow ? InOwnRow : InBucket)).ToList();
    }

    // Completes with the write's result only when it failed: a state moving to its own row is stored once its mark is.
    private static async Task WriteOwnRowAsync(PendingWrite pending)
    {
        var partition = pending.Place.Partition;
        if (StateEntityCodec.Encode(partition.OwnRowKey, pending.Place.OwnRow, pending.Snapshot) is not var (entity, bytes))
        {
            pending.Result = CheckpointWriteResult.Failed(new GrainStateTooLargeException("customer", "checkpoint", pending.Snapshot.Bytes.Length, StateEntityCodec.MaxStateBytes));
            return;
        }
        try
        {
            await partition.Writes.UpsertAsync(entity, TableUpdateMode.Replace, bytes);
        }
        catch (Exception e)
        {
            pending.Result = CheckpointWriteResult.Failed(e);
        }
    }

    private static async Task MergeBucketAsync(IGrouping<string, PendingWrite> customers)
    {
        var partition = customers.First().Place.Partition;
        var entity = new TableEntity(partition.BucketKey, customers.Key);
        var bytes = 0;
        foreach (var customer in customers)
        {
            var value = customer.OwnRow ? CheckpointBucket.OwnRowMark() : CheckpointBucket.Value(customer.Snapshot);
            entity[customer.Place.Property] = value;
            bytes += value.Length;
        }
        try
        {
            await partition.Writes.UpsertAsync(entity, TableUpdateMode.Merge, bytes);
        }
        catch (Exception e)
        {
            foreach (var customer in customers)
            {
                customer.Result = CheckpointWriteResult.Failed(e);
            }
        }
    }

    private Place PlaceOf(string key)
    {
        var bucket = StableHash.ShardOf(key, _buckets);
        return new Place(_partitions[bucket % _partitions.Length], $"{bucket:x4}", CheckpointBucket.PropertyName(key), TableKeys.Escape(key));
    }

    private static InvalidDataException Unreadable(string why) => new($"A stored customer checkpoint is unreadable: {why}.");

    private sealed class Partition
    {
        public Partition(int index, LazyTable table)
        {
            BucketKey = $"{BucketPartitionPrefix}{index:x2}";
            OwnRowKey = $"{OwnRowPartitionPrefix}{index:x2}";
            Table = table;
            Writes = new PartitionWriteBatcher(table.Client);
            Reads = new BucketReadBatcher(table, BucketKey);
        }

        public string BucketKey { get; }
        public string OwnRowKey { get; }
        public LazyTable Table { get; }
        public PartitionWriteBatcher Writes { get; }
        public BucketReadBatcher Reads { get; }
    }

    private sealed record Place(Partition Partition, string BucketRow, string Property, string OwnRow);

    private sealed class PendingWrite(CheckpointWrite write, Place place)
    {
        public CheckpointWrite Write => write;
        public Place Place => place;

        // Compressed here when it came raw: the size that decides where it goes is the size stored.
        public StateSnapshot Snapshot { get; } = write.Snapshot.Compressed ? write.Snapshot : StateSnapshot.Of(write.Snapshot.Bytes);

        public bool OwnRow => write.ETag == InOwnRow || Snapshot.Bytes.Length > CheckpointBucket.InlineLimit;

        public CheckpointWriteResult? Result { get; set; }
    }
}
