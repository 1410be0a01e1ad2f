using Engagement.Development.Storage;

namespace Engagement.Bench;

/// <summary>The engine's settings for its default, durable grain state, in a new table of the bench's own Azurite.</summary>
public static class DurableSettings
{
    /// <summary>Azure Table Storage in <paramref name="azurite"/>, in <paramref name="table"/>.</summary>
    public static Dictionary<string, string?> In(TemporaryAzurite azurite, string table) => new()
    {
        ["Storage:Provider"] = "AzureTable",
        ["Storage:ConnectionString"] = azurite.ConnectionString,
        ["Storage:TableName"] = table,
    };
}
