using Engagement.Silo.Storage;
using Orleans.TestingHost;

namespace Engagement.EndToEndTests.Storage;

/// <summary>A one-silo test cluster whose default grain storage is our Azure table provider on a test's table.</summary>
internal static class TableCluster
{
    /// <summary>Starts the cluster against <paramref name="connectionString"/> and <paramref name="tableName"/>.</summary>
    public static async Task<TestCluster> StartAsync(string connectionString, string tableName)
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties[StorageConfigurator.ConnectionStringKey] = connectionString;
        builder.Properties[StorageConfigurator.TableNameKey] = tableName;
        builder.AddSiloBuilderConfigurator<StorageConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Makes the Azure table provider the silo's default storage, on the test's Azurite and table.</summary>
    public sealed class StorageConfigurator : ISiloConfigurator
    {
        /// <summary>The configuration key of the connection string.</summary>
        public const string ConnectionStringKey = "StorageTestConnectionString";

        /// <summary>The configuration key of the table name.</summary>
        public const string TableNameKey = "StorageTestTableName";

        /// <inheritdoc />
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddEngineTableGrainStorageAsDefault(options =>
        {
            options.ConnectionString = siloBuilder.Configuration[ConnectionStringKey]!;
            options.TableName = siloBuilder.Configuration[TableNameKey]!;
        });
    }
}
