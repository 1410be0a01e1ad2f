using Engagement.Silo.Storage;

namespace Engagement.EndToEndTests.Storage;

/// <summary>One Azurite for a test collection: installed if need be, on a free port, with its data in a temporary
/// folder that is deleted afterwards. Tests isolate themselves with tables of their own (<see cref="NewTableName"/>).</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // npm ci on a fresh machine downloads a few hundred packages.
    private static readonly TimeSpan InstallAndStartDeadline = TimeSpan.FromMinutes(5);

    private AzuriteProcess? _azurite;

    /// <summary>The folder that holds the repository's package.json and node_modules.</summary>
    public string RepositoryRoot { get; } = AzuriteProcess.FindRepositoryRoot();

    /// <summary>Azurite's data folder for this fixture.</summary>
    public string DataFolder { get; } = NewTemporaryFolder();

    /// <summary>The connection string of the running Azurite.</summary>
    public string ConnectionString => Azurite.ConnectionString;

    /// <summary>The port the running Azurite listens on.</summary>
    public int TablePort => Azurite.TablePort;

    private AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>A table name no other test uses.</summary>
    public static string NewTableName() => $"t{Guid.NewGuid():N}";

    /// <summary>A new, empty folder under the temporary folder, for Azurite's data.</summary>
    public static string NewTemporaryFolder() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"engagement-azurite-{Guid.NewGuid():N}")).FullName;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var deadline = new CancellationTokenSource(InstallAndStartDeadline);
        await AzuriteProcess.EnsureInstalledAsync(RepositoryRoot, deadline.Token);
        _azurite = await AzuriteProcess.StartOnFreePortAsync(RepositoryRoot, DataFolder, deadline.Token);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
        Directory.Delete(DataFolder, recursive: true);
    }
}

/// <summary>The collection of tests that share one <see cref="AzuriteFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection's name, for <c>[Collection(AzuriteCollection.Name)]</c>.</summary>
    public const string Name = "Azurite";
}
