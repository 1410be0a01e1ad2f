using Engagement.Development.Storage;

namespace Engagement.EndToEndTests.Storage;

/// <summary>One Azurite for a test collection (a <see cref="TemporaryAzurite"/>). Tests isolate themselves with
/// tables of their own (<see cref="NewTableName"/>).</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private TemporaryAzurite? _azurite;

    /// <summary>The folder that holds the repository's package.json and node_modules.</summary>
    public string RepositoryRoot { get; } = AzuriteProcess.FindRepositoryRoot();

    /// <summary>The connection string of the running Azurite.</summary>
    public string ConnectionString => Azurite.ConnectionString;

    /// <summary>The port the running Azurite listens on.</summary>
    public int TablePort => Azurite.TablePort;

    private TemporaryAzurite Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>A table name no other test uses.</summary>
    public static string NewTableName() => TemporaryAzurite.NewTableName();

    /// <summary>A new, empty folder under the temporary folder, for Azurite's data.</summary>
    public static string NewTemporaryFolder() => TemporaryAzurite.NewTemporaryFolder();

    /// <inheritdoc />
    public async Task InitializeAsync() => _azurite = await TemporaryAzurite.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

/// <summary>The collection of tests that share one <see cref="AzuriteFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection's name, for <c>[Collection(AzuriteCollection.Name)]</c>.</summary>
    public const string Name = "Azurite";
}
