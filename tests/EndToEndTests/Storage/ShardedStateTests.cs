using Azure;
using Azure.Data.Tables;
using Engagement.EndToEndTests.Support;
using Engagement.Silo.Storage;

namespace Engagement.EndToEndTests.Storage;

/// <summary><see cref="ShardedState{T}"/> under a grain, on our table provider and a real Azurite: a change rewrites
/// only its shards, every shard comes back on activation, and a failed write leaves no stale copy behind.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShardedStateTests(AzuriteFixture azurite)
{
    private readonly string _tableName = AzuriteFixture.NewTableName();

    [Fact]
    public async Task A_change_rewrites_only_the_shards_it_touched_and_every_shard_is_read_back_on_activation()
    {
        await using var cluster = await TableCluster.StartAsync(azurite.ConnectionString, _tableName);
        var tally = cluster.GrainFactory.GetGrain<IShardedTallyGrain>("B1/advisors");

        await tally.AddAsync(1, 5);
        await tally.AddAsync(3, 7);
        var before = await RowETagsAsync();
        Assert.Equal(["B1~2Fadvisors~~tally01", "B1~2Fadvisors~~tally03"], before.Keys.Order(StringComparer.Ordinal));

        await tally.AddAsync(1, 2);
        var after = await RowETagsAsync();
        Assert.NotEqual(before["B1~2Fadvisors~~tally01"], after["B1~2Fadvisors~~tally01"]);
        Assert.Equal(before["B1~2Fadvisors~~tally03"], after["B1~2Fadvisors~~tally03"]);

        var first = await tally.GetAsync();
        await cluster.DeactivateAsync(tally);
        var reread = await tally.GetAsync();
        Assert.NotEqual(first.ActivationId, reread.ActivationId);
        Assert.Equal([0, 7, 0, 7], reread.Values);
    }

    [Fact]
    public async Task A_write_refused_for_a_stale_etag_leaves_no_stale_activation_so_the_next_call_reads_what_is_stored()
    {
        await using var cluster = await TableCluster.StartAsync(azurite.ConnectionString, _tableName);
        var tally = cluster.GrainFactory.GetGrain<IShardedTallyGrain>("B2");
        await tally.AddAsync(2, 5);
        var stale = await tally.GetAsync();

        // Another writer (a second activation in a split brain) stores the row again: its ETag moves on.
        var table = new TableClient(azurite.ConnectionString, _tableName);
        var row = (await table.QueryAsync<TableEntity>().ToListAsync()).Single();
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);

        var values = await ValuesAfterFailedWriteAsync(tally, stale, () => tally.AddAsync(2, 1));
        Assert.Equal([0, 0, 5, 0], values);
    }

    [Fact]
    public async Task A_write_that_fails_in_the_provider_drops_the_activation_so_the_change_is_not_served()
    {
        await using var cluster = await TableCluster.StartAsync(azurite.ConnectionString, _tableName);
        var tally = cluster.GrainFactory.GetGrain<IShardedTallyGrain>("B3");
        await tally.AddAsync(0, 4);
        var failed = await tally.GetAsync();

        var values = await ValuesAfterFailedWriteAsync(tally, failed,
            () => tally.AddWithFillerAsync(0, 1, StateEntityCodec.MaxStateBytes + 1));
        Assert.Equal([4, 0, 0, 0], values);
    }

    // The write fails, and the next activation (not the one that failed) answers with what storage holds.
    private static async Task<int[]> ValuesAfterFailedWriteAsync(IShardedTallyGrain tally, TallyReading before, Func<Task> write)
    {
        await Assert.ThrowsAnyAsync<Exception>(write);
        var reread = await Eventually.MatchAsync(tally.GetAsync, r => r.ActivationId != before.ActivationId,
            TimeSpan.FromSeconds(10), "the activation with the failed write to be dropped");
        return reread.Values;
    }

    private async Task<Dictionary<string, ETag>> RowETagsAsync()
    {
        var table = new TableClient(azurite.ConnectionString, _tableName);
        return (await table.QueryAsync<TableEntity>().ToListAsync()).ToDictionary(e => e.RowKey, e => e.ETag, StringComparer.Ordinal);
    }
}
