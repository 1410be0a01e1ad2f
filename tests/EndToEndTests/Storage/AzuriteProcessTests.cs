using Engagement.Development.Storage;
using Engagement.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace Engagement.EndToEndTests.Storage;

/// <summary>Starting and stopping Azurite as the engine and the tests do.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteProcessTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task State_written_before_azurite_stops_is_read_after_it_starts_again_on_the_same_folder()
    {
        await using var services = new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(SampleState).Assembly))
            .BuildServiceProvider();
        var folder = AzuriteFixture.NewTemporaryFolder();
        var tableName = AzuriteFixture.NewTableName();
        var grain = GrainId.Create("sample", "C1001");
        EngineTableGrainStorage Storage(AzuriteProcess server) => new(
            "test",
            new EngineTableStorageOptions { ConnectionString = server.ConnectionString, TableName = tableName },
            services.GetRequiredService<Serializer>(),
            services.GetRequiredService<IActivatorProvider>());
        try
        {
            var written = new GrainState<SampleState>(new SampleState { Name = "kept", Recent = [42] });
            await using (var first = await AzuriteProcess.StartOnFreePortAsync(azurite.RepositoryRoot, folder))
            {
                await Storage(first).WriteStateAsync("state", grain, written);
            }

            await using var second = await AzuriteProcess.StartOnFreePortAsync(azurite.RepositoryRoot, folder);
            var read = new GrainState<SampleState>(new SampleState());
            await Storage(second).ReadStateAsync("state", grain, read);

            Assert.True(read.RecordExists);
            Assert.Equal(written.ETag, read.ETag);
            Assert.Equal("kept", read.State!.Name);
            Assert.Equal([42L], read.State!.Recent);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Starting_on_a_port_in_use_says_so()
    {
        var folder = AzuriteFixture.NewTemporaryFolder();
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                AzuriteProcess.StartAsync(azurite.RepositoryRoot, azurite.TablePort, folder));

            Assert.Contains("already in use", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Azurite_exiting_at_startup_is_reported_with_its_own_output()
    {
        var folder = AzuriteFixture.NewTemporaryFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "__azurite_db_table__.json"), "not json");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                AzuriteProcess.StartOnFreePortAsync(azurite.RepositoryRoot, folder));

            Assert.Contains("Azurite exited with code 1", error.Message);
            Assert.Contains("not valid JSON", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Starting_without_node_modules_tells_to_run_npm_ci()
    {
        var emptyRoot = AzuriteFixture.NewTemporaryFolder();
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                AzuriteProcess.StartOnFreePortAsync(emptyRoot, Path.Combine(emptyRoot, "data")));

            Assert.Contains("npm ci", error.Message);
        }
        finally
        {
            Directory.Delete(emptyRoot, recursive: true);
        }
    }

    [Fact]
    public void The_repository_root_is_the_folder_whose_package_json_pins_azurite()
    {
        Assert.Contains("\"azurite\"", File.ReadAllText(Path.Combine(azurite.RepositoryRoot, "package.json")));
        Assert.True(File.Exists(Path.Combine(azurite.RepositoryRoot, "package-lock.json")));
    }
}
