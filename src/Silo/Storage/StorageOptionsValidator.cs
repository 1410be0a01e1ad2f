using Azure.Data.Tables;
using Engagement.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Storage;

/// <summary>Checks the <c>Storage</c> section: a known provider, and for Azure Table Storage a connection string that
/// reads as one and a valid table name.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var checks = new SettingChecks(StorageOptions.Section)
            .That(Enum.IsDefined(options.Provider), nameof(options.Provider),
                $"must be {string.Join(" or ", Enum.GetNames<StorageKind>())} (got {options.Provider})")
            .Within(nameof(options.CheckpointPartitions), options.CheckpointPartitions, 1, StorageOptions.MaxCheckpointPartitions);
        if (options.Provider == StorageKind.AzureTable)
        {
            // The connection string holds a secret: the message never quotes it. An empty one is a missing setting, which
            // the development defaults fill in with Azurite and a production start names (RequiredSettings).
            checks.That(options.LacksAccount || IsConnectionString(options.ConnectionString), nameof(options.ConnectionString),
                    "must be an Azure Storage connection string when Storage:Provider is AzureTable")
                .That(IsTableName(options.TableName), nameof(options.TableName),
                    $"must be 3 to {MaxTableName} letters and digits, starting with a letter (got '{options.TableName}'): the engine's tables are this and up to {StorageOptions.LongestTableSuffix} more, within Azure's 63");
        }
        return checks.Result();
    }

    private static bool IsConnectionString(string value)
    {
        try
        {
            _ = new TableServiceClient(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private const int MaxTableName = 63 - StorageOptions.LongestTableSuffix;

    private static bool IsTableName(string? value) =>
        value is { Length: >= 3 and <= MaxTableName } && char.IsAsciiLetter(value[0]) && value.All(char.IsAsciiLetterOrDigit);
}
