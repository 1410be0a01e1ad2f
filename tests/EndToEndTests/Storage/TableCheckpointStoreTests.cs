using Azure.Data.Tables;
using Engagement.Checkpoints;
using Engagement.Silo.Storage;

namespace Engagement.EndToEndTests.Storage;

/// <summary>The customer checkpoint store against a real Azurite: customers as properties of bucket rows, one table per
/// checkpoint partition, and a row of its own for a state too large to share one.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCheckpointStoreTests(AzuriteFixture azurite)
{
    private const int Partitions = 4;
    private const int Buckets = 8;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _tableName = AzuriteFixture.NewTableName();

    [Fact]
    public async Task Each_customer_is_a_property_of_its_bucket_row_in_the_table_of_its_partition_and_reads_back_from_it()
    {
        var store = new TableCheckpointStore(Options(Partitions, Buckets));
        var customers = Enumerable.Range(0, 40).Select(i => $"C{i:D3}").ToList();

        // Half the snapshots come compressed, as a state to be packed gives them; the store compresses the others.
        var writes = customers.Select((c, i) => new CheckpointWrite(c, i % 2 == 0 ? StateSnapshot.Of(Bytes(c)) : new StateSnapshot(Bytes(c), 0), null));
        var results = await store.WriteAsync(writes.ToList(), CancellationToken.None).WaitAsync(Deadline);

        Assert.All(results, r => Assert.Equal(TableCheckpointStore.InBucket, r.ETag));
        for (var partition = 0; partition < Partitions; partition++)
        {
            var expected = customers
                .Where(c => StableHash.ShardOf(c, Buckets) % Partitions == partition)
                .Select(c => ($"{StableHash.ShardOf(c, Buckets):x4}", CheckpointBucket.PropertyName(c)))
                .Order();
            Assert.Equal(expected, (await RowsAsync(partition)).SelectMany(r => r.Properties.Select(p => (r.RowKey, p))).Order());
        }
        foreach (var customer in customers)
        {
            var stored = await store.ReadAsync(customer, CancellationToken.None).WaitAsync(Deadline);
            Assert.Equal(Bytes(customer), stored!.Snapshot.Raw());
            Assert.True(stored.Snapshot.Compressed);
            Assert.Equal(TableCheckpointStore.InBucket, stored.ETag);
        }
    }

    [Fact]
    public async Task A_write_replaces_its_own_customer_and_leaves_the_others_of_its_bucket_as_they_were()
    {
        var store = new TableCheckpointStore(Options(1, 1));
        await store.WriteAsync([Write("C1", [1]), Write("C2", [2])], CancellationToken.None).WaitAsync(Deadline);

        await store.WriteAsync([Write("C1", [3], TableCheckpointStore.InBucket)], CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal([3], (await store.ReadAsync("C1", CancellationToken.None))!.Snapshot.Bytes);
        Assert.Equal([2], (await store.ReadAsync("C2", CancellationToken.None))!.Snapshot.Bytes);
        Assert.False((await store.ReadAsync("C2", CancellationToken.None))!.Snapshot.Compressed);
    }

    [Fact]
    public async Task A_customer_never_written_reads_as_nothing_whether_or_not_its_bucket_row_exists()
    {
        var store = new TableCheckpointStore(Options(1, 1));
        Assert.Null(await store.ReadAsync("C1", CancellationToken.None).WaitAsync(Deadline));

        await store.WriteAsync([Write("C2", [2])], CancellationToken.None).WaitAsync(Deadline);

        Assert.Null(await store.ReadAsync("C1", CancellationToken.None).WaitAsync(Deadline));
    }

    [Fact]
    public async Task Keys_that_differ_only_in_punctuation_keep_properties_of_their_own()
    {
        var store = new TableCheckpointStore(Options(1, 1));
        string[] keys = ["a.b", "a_b", "a-b", "a_db", "a_ub", "ab", "A.B"];

        await store.WriteAsync(keys.Select((k, i) => Write(k, [(byte)i])).ToList(), CancellationToken.None).WaitAsync(Deadline);

        Assert.Equal(keys.Length, keys.Select(CheckpointBucket.PropertyName).Distinct(StringComparer.Ordinal).Count());
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal([(byte)i], (await store.ReadAsync(keys[i], CancellationToken.None))!.Snapshot.Bytes);
        }
    }

    [Fact]
    public async Task A_state_over_the_inline_limit_moves_to_a_row_of_its_own_and_stays_there_when_it_shrinks()
    {
        var store = new TableCheckpointStore(Options(1, 1));
        var large = new byte[CheckpointBucket.InlineLimit + 1];
        Random.Shared.NextBytes(large);
        await store.WriteAsync([Write("C1", [1]), Write("C2", [2])], CancellationToken.None).WaitAsync(Deadline);

        var moved = (await store.WriteAsync([Write("C1", large, TableCheckpointStore.InBucket)], CancellationToken.None).WaitAsync(Deadline)).Single();

        Assert.Equal(TableCheckpointStore.InOwnRow, moved.ETag);
        var stored = await store.ReadAsync("C1", CancellationToken.None);
        Assert.Equal(large, stored!.Snapshot.Bytes);
        Assert.Equal(TableCheckpointStore.InOwnRow, stored.ETag);
        var rows = await RowsAsync(0);
        Assert.Equal([(TableCheckpointStore.BucketPartitionPrefix + "00", "0000"), (TableCheckpointStore.OwnRowPartitionPrefix + "00", "C1")],
            rows.Select(r => (r.PartitionKey, r.RowKey)).Order());

        var shrunk = (await store.WriteAsync([Write("C1", [3], stored.ETag)], CancellationToken.None).WaitAsync(Deadline)).Single();

        Assert.Equal(TableCheckpointStore.InOwnRow, shrunk.ETag);
        Assert.Equal([3], (await store.ReadAsync("C1", CancellationToken.None))!.Snapshot.Bytes);
        Assert.Equal([2], (await store.ReadAsync("C2", CancellationToken.None))!.Snapshot.Bytes);
    }

    [Fact]
    public async Task A_mark_whose_own_row_is_missing_is_reported_as_damaged_rather_than_read_as_a_new_customer()
    {
        var store = new TableCheckpointStore(Options(1, 1));
        var large = new byte[CheckpointBucket.InlineLimit + 1];
        Random.Shared.NextBytes(large);
        await store.WriteAsync([Write("C1", large)], CancellationToken.None).WaitAsync(Deadline);
        await new TableClient(azurite.ConnectionString, Options(Partitions, Buckets).CheckpointTable(0)).DeleteEntityAsync(TableCheckpointStore.OwnRowPartitionPrefix + "00", "C1");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadAsync("C1", CancellationToken.None).WaitAsync(Deadline));

        Assert.Contains("row of its own", error.Message, StringComparison.Ordinal);
    }

    private StorageOptions Options(int partitions, int buckets) => new()
    {
        ConnectionString = azurite.ConnectionString,
        TableName = _tableName,
        CheckpointPartitions = partitions,
        CheckpointBuckets = buckets,
    };

    private static CheckpointWrite Write(string key, byte[] bytes, string? etag = null) => new(key, new StateSnapshot(bytes, 0), etag);

    private async Task<List<(string PartitionKey, string RowKey, List<string> Properties)>> RowsAsync(int partition)
    {
        var table = new TableClient(azurite.ConnectionString, Options(Partitions, Buckets).CheckpointTable(partition));
        var rows = new List<(string, string, List<string>)>();
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            rows.Add((entity.PartitionKey, entity.RowKey, entity.Keys.Where(k => k.StartsWith('c')).ToList()));
        }
        return rows;
    }

    // Repetitive enough that Brotli makes it smaller: the store keeps the compressed bytes and their raw length.
    private static byte[] Bytes(string customer) => System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"state of {customer}; ", 20)));
}
