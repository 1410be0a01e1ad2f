using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Engagement.Silo.Storage;

namespace Engagement.EndToEndTests.Storage;

/// <summary>The batcher against a real Azurite, its first request held in flight so that the rest queue behind it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PartitionWriteBatcherTests(AzuriteFixture azurite)
{
    private const string Partition = "customer_00";
    private const int EntityBytes = 100;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _tableName = AzuriteFixture.NewTableName();
    private readonly FirstRequestHold _hold = new();

    [Fact]
    public async Task Writes_that_queue_behind_one_in_flight_go_as_one_transaction()
    {
        var (batcher, table) = await NewBatcherAsync();
        var first = batcher.WriteAsync(Entity("r0", "first"), null, EntityBytes);
        await _hold.Arrived.WaitAsync(Deadline);
        var queued = Enumerable.Range(1, 5).Select(i => batcher.WriteAsync(Entity($"r{i}", "queued"), null, EntityBytes)).ToList();

        _hold.Release();
        var etags = await Task.WhenAll(queued.Prepend(first)).WaitAsync(Deadline);

        Assert.Equal([$"POST {_tableName}", "POST $batch"], _hold.Requests);
        var stored = await StoredAsync(table);
        Assert.Equal(["r0", "r1", "r2", "r3", "r4", "r5"], stored.Keys.Order());
        Assert.Equal(["first", "queued", "queued", "queued", "queued", "queued"], stored.OrderBy(s => s.Key).Select(s => s.Value.Value));
        Assert.Equal(etags, stored.OrderBy(s => s.Key).Select(s => s.Value.ETag));
    }

    [Fact]
    public async Task A_stale_etag_in_a_transaction_fails_that_write_alone_with_412_and_the_others_are_stored()
    {
        var (batcher, table) = await NewBatcherAsync();
        var seeded = new Dictionary<string, ETag>();
        foreach (var row in new[] { "a", "b", "c" })
        {
            seeded[row] = (await table.AddEntityAsync(Entity(row, "seeded"))).Headers.ETag!.Value;
        }
        // Someone else replaces b: the ETag the batcher is given for it is stale.
        var theirs = (await table.UpdateEntityAsync(Entity("b", "theirs"), seeded["b"], TableUpdateMode.Replace)).Headers.ETag!.Value;

        var first = batcher.WriteAsync(Entity("d", "first"), null, EntityBytes);
        await _hold.Arrived.WaitAsync(Deadline);
        var a = batcher.WriteAsync(Entity("a", "ours"), seeded["a"], EntityBytes);
        var b = batcher.WriteAsync(Entity("b", "ours"), seeded["b"], EntityBytes);
        var c = batcher.WriteAsync(Entity("c", "ours"), seeded["c"], EntityBytes);

        _hold.Release();
        var refused = await Assert.ThrowsAnyAsync<RequestFailedException>(() => b.WaitAsync(Deadline));
        var etags = await Task.WhenAll(first, a, c).WaitAsync(Deadline);

        Assert.Equal(412, refused.Status);
        Assert.Equal([$"POST {_tableName}", "POST $batch", "POST $batch"], _hold.Requests);
        var stored = await StoredAsync(table);
        Assert.Equal(
            [("a", "ours", etags[1]), ("b", "theirs", theirs), ("c", "ours", etags[2]), ("d", "first", etags[0])],
            stored.OrderBy(s => s.Key).Select(s => (s.Key, s.Value.Value, s.Value.ETag)));
    }

    // The batcher's client holds its first request and notes every one; the test's own client (the returned one)
    // creates, seeds and reads the table unseen by it.
    private async Task<(PartitionWriteBatcher Batcher, TableClient Table)> NewBatcherAsync()
    {
        var table = new TableClient(azurite.ConnectionString, _tableName);
        await table.CreateIfNotExistsAsync();
        var options = TransactionBodyPolicy.ClientOptions();
        options.AddPolicy(_hold, HttpPipelinePosition.PerCall);
        return (new PartitionWriteBatcher(new TableClient(azurite.ConnectionString, _tableName, options)), table);
    }

    private static TableEntity Entity(string row, string value) => new(Partition, row) { ["Value"] = value };

    private static async Task<Dictionary<string, (string? Value, ETag ETag)>> StoredAsync(TableClient table)
    {
        var stored = new Dictionary<string, (string? Value, ETag ETag)>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition))
        {
            stored[entity.RowKey] = (entity.GetString("Value"), entity.ETag);
        }
        return stored;
    }
}
