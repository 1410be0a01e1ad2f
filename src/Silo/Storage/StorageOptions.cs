namespace Engagement.Silo.Storage;

/// <summary>Where grain state lives, bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>The grain storage: Azure Table Storage (durable, the default) or memory (for benchmarks' in-memory baseline).</summary>
    public StorageKind Provider { get; set; } = StorageKind.AzureTable;
    /// <summary>The Azure Storage connection string: required with the Azure Table provider.</summary>
    public string ConnectionString { get; set; } = "";
    /// <summary>The longest name the engine appends to <see cref="TableName"/> for one of its tables.</summary>
    public const int LongestTableSuffix = 11;

    /// <summary>Customer checkpoint partitions at most: two hex digits name each one's table.</summary>
    public const int MaxCheckpointPartitions = 256;

    /// <summary>The start of the name of every table the engine keeps: the tables are this and a suffix
    /// (<see cref="CheckpointTable"/>, <see cref="GrainTable"/>, <see cref="LedgerTable"/>).</summary>
    public string TableName { get; set; } = EngineTableStorageOptions.DefaultTableName;
    /// <summary>How many table partitions customer checkpoints are spread over, each in a table of its own: fewer make
    /// larger entity group transactions; Azure serves each partition at up to about 2,000 entities a second. Fixed once
    /// data is stored.</summary>
    public int CheckpointPartitions { get; set; } = 16;

    /// <summary>The table of customer checkpoint partition <paramref name="partition"/>.</summary>
    public string CheckpointTable(int partition) => $"{TableName}Customers{partition:x2}";

    /// <summary>The table of the grain storage provider <paramref name="provider"/> (<see cref="StorageNames"/>).</summary>
    public string GrainTable(string provider) => $"{TableName}{char.ToUpperInvariant(provider[0])}{provider[1..]}";

    /// <summary>The table of the ledger archive.</summary>
    public string LedgerTable => TableName + "Ledger";

    /// <summary>Whether the Azure Table provider is chosen and no account is configured for it.</summary>
    public bool LacksAccount => Provider == StorageKind.AzureTable && string.IsNullOrWhiteSpace(ConnectionString);
}

/// <summary>The kinds of grain storage.</summary>
public enum StorageKind
{
    /// <summary>Azure Table Storage (or Azurite).</summary>
    AzureTable,
    /// <summary>Process memory: lost on restart.</summary>
    Memory,
}
