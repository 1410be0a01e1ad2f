using Azure.Data.Tables;
using Engagement.Checkpoints;
using Engagement.Silo.Storage;

namespace Engagement.EndToEndTests.Storage;

/// <summary>The customer checkpoint store against a real Azurite: one table per checkpoint partition.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCheckpointStoreTests(AzuriteFixture azurite)
{
    private const int Partitions = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly StorageOptions _options = new()
    {
        ConnectionString = azurite.ConnectionString,
        TableName = AzuriteFixture.NewTableName(),
        CheckpointPartitions = Partitions,
    };

    [Fact]
    public async Task Each_customer_is_stored_in_the_table_of_its_partition_and_read_back_from_it()
    {
        var store = new TableCheckpointStore(_options);
        var customers = Enumerable.Range(0, 40).Select(i => $"C{i:D3}").ToList();

        // Half the snapshots come compressed, as a state to be packed gives them; the store compresses the others.
        var writes = customers.Select((c, i) => new CheckpointWrite(c, i % 2 == 0 ? StateSnapshot.Of(Bytes(c)) : new StateSnapshot(Bytes(c), 0), null));
        var results = await store.WriteAsync(writes.ToList(), CancellationToken.None)
            .WaitAsync(Deadline);

        Assert.All(results, r => Assert.NotNull(r.ETag));
        for (var partition = 0; partition < Partitions; partition++)
        {
            var expected = customers.Where(c => StableHash.ShardOf(c, Partitions) == partition).Order(StringComparer.Ordinal);
            Assert.Equal(expected, await RowsAsync(partition));
        }
        foreach (var (customer, result) in customers.Zip(results))
        {
            var stored = await store.ReadAsync(customer, CancellationToken.None).WaitAsync(Deadline);
            Assert.Equal(Bytes(customer), stored!.Snapshot.Raw());
            Assert.True(stored.Snapshot.Compressed);
            Assert.Equal(result.ETag, stored.ETag);
        }
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_lost_and_the_stored_state_stays()
    {
        var store = new TableCheckpointStore(_options);
        var first = (await store.WriteAsync([new CheckpointWrite("C1", new StateSnapshot([1], 0), null)], CancellationToken.None)).Single();
        var second = (await store.WriteAsync([new CheckpointWrite("C1", new StateSnapshot([2], 0), first.ETag)], CancellationToken.None)).Single();

        var stale = (await store.WriteAsync([new CheckpointWrite("C1", new StateSnapshot([3], 0), first.ETag)], CancellationToken.None)).Single();

        Assert.True(stale.Conflict);
        var stored = await store.ReadAsync("C1", CancellationToken.None);
        Assert.Equal([2], stored!.Snapshot.Bytes);
        Assert.False(stored.Snapshot.Compressed);
        Assert.Equal(second.ETag, stored.ETag);
    }

    private async Task<List<string>> RowsAsync(int partition)
    {
        var table = new TableClient(azurite.ConnectionString, _options.CheckpointTable(partition));
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            rows.Add(entity.RowKey);
        }
        return rows;
    }

    // Repetitive enough that Brotli makes it smaller: the store keeps the compressed bytes and their raw length.
    private static byte[] Bytes(string customer) => System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"state of {customer}; ", 20)));
}
