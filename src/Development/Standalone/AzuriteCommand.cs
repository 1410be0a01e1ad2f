using Engagement.Configuration;
using Engagement.Development.Storage;
using Engagement.Silo.Storage;

namespace Engagement.Development.Standalone;

/// <summary><c>azurite</c>: Azurite alone, on <c>Development:AzuritePort</c> with its data in
/// <c>Development:AzuriteFolder</c>, for several silos to share.</summary>
internal static class AzuriteCommand
{
    /// <summary>Installs and starts Azurite, prints the connection string every silo takes, and runs until stopped.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        var development = ValidatedOptions.Read(configuration, DevelopmentOptions.Section, new DevelopmentOptionsValidator());
        await using var azurite = await AzuriteProcess.StartForDevelopmentAsync(development.AzuritePort, development.AzuriteFolder);
        Console.WriteLine($"""
            Azurite is up (data in {azurite.DataFolder}; Ctrl+C stops it).
            Give every silo this setting:
              {StorageOptions.Section}__{nameof(StorageOptions.ConnectionString)}={azurite.ConnectionString}
            """);
        await UntilStopped.WaitAsync();
        Console.WriteLine("Azurite stopped.");
        return 0;
    }
}
