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
    /// <summary>The table holding grain state.</summary>
    public string TableName { get; set; } = AzureTableStorageOptions.DefaultTableName;
    /// <summary>How many table partitions customer checkpoints are spread over: fewer make larger entity group
    /// transactions; Azure serves each partition at up to about 2,000 entities a second. Fixed once data is stored.</summary>
    public int CheckpointPartitions { get; set; } = 16;

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
