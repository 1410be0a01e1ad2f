namespace Engagement.Development.Storage;

/// <summary>An Azurite of its own for a test collection or a benchmark: installed if need be, on a free port, with its
/// data in a temporary folder that is deleted when it stops.</summary>
public sealed class TemporaryAzurite : IAsyncDisposable
{
    // npm ci on a fresh machine downloads a few hundred packages.
    private static readonly TimeSpan InstallAndStartDeadline = TimeSpan.FromMinutes(5);

    private readonly AzuriteProcess _azurite;

    private TemporaryAzurite(AzuriteProcess azurite) => _azurite = azurite;

    /// <summary>The connection string of the running Azurite.</summary>
    public string ConnectionString => _azurite.ConnectionString;

    /// <summary>The port the running Azurite listens on.</summary>
    public int TablePort => _azurite.TablePort;

    /// <summary>Azurite's data folder.</summary>
    public string DataFolder => _azurite.DataFolder;

    /// <summary>A table name nobody else uses.</summary>
    public static string NewTableName() => $"t{Guid.NewGuid():N}";

    /// <summary>A new, empty folder under the temporary folder, for Azurite's data.</summary>
    public static string NewTemporaryFolder() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"engagement-azurite-{Guid.NewGuid():N}")).FullName;

    /// <summary>Installs Azurite into the repository if it is missing and starts it; with <paramref name="inMemory"/>,
    /// its data stays in its memory (see <see cref="AzuriteProcess.StartOnFreePortAsync"/>).</summary>
    public static async Task<TemporaryAzurite> StartAsync(CancellationToken cancellation = default, bool inMemory = false)
    {
        var root = AzuriteProcess.FindRepositoryRoot();
        var folder = NewTemporaryFolder();
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            deadline.CancelAfter(InstallAndStartDeadline);
            await AzuriteProcess.EnsureInstalledAsync(root, deadline.Token);
            return new TemporaryAzurite(await AzuriteProcess.StartOnFreePortAsync(root, folder, deadline.Token, inMemory));
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>Stops Azurite (SIGINT, so it closes cleanly) and deletes its data.</summary>
    public async ValueTask DisposeAsync()
    {
        await _azurite.DisposeAsync();
        Directory.Delete(_azurite.DataFolder, recursive: true);
    }
}
