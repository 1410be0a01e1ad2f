using Orleans.TestingHost;

namespace Engagement.EndToEndTests.Storage;

/// <summary>The provider as a silo's default storage, under a grain's <c>[PersistentState]</c>.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PersistentStateTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_grains_state_survives_its_deactivation_and_a_whole_new_cluster()
    {
        var tableName = AzuriteFixture.NewTableName();
        const string customerId = "C/1001#?";

        await using (var cluster = await StartClusterAsync(tableName))
        {
            var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(customerId);
            Assert.Equal(5, await counter.AddAsync(5));
            Assert.Equal(12, await counter.AddAsync(7));
            var before = await counter.GetAsync();

            await cluster.DeactivateAsync(counter);

            var after = await counter.GetAsync();
            Assert.NotEqual(before.ActivationId, after.ActivationId);
            Assert.Equal(12, after.Value);
        }

        await using (var cluster = await StartClusterAsync(tableName))
        {
            var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(customerId);
            Assert.Equal(12, (await counter.GetAsync()).Value);
            Assert.Equal(13, await counter.AddAsync(1));
        }
    }

    private Task<TestCluster> StartClusterAsync(string tableName) => TableCluster.StartAsync(azurite.ConnectionString, tableName);
}
