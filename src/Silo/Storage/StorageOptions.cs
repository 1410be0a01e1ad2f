namespace Engagement.Silo.Storage;

/// <summary>Where grain state lives, bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>The grain storage: Azure Table Storage (durable, the default) or memory (for benchmarks' in-memory baseline).</summary>
    public StorageKind Provider { get; set; } = StorageKind.AzureTable;
    /// <summary>The Azure Storage connection string; Azurite's development string by default.</summary>
    public string ConnectionString { get; set; } = AzureTableStorageOptions.DevelopmentConnectionString;
    /// <summary>The table holding grain state.</summary>
    public string TableName { get; set; } = AzureTableStorageOptions.DefaultTableName;
    /// <summary>How many table partitions customer checkpoints are spread over: fewer make larger entity group
    /// transactions; Azure serves each partition at up to about 2,000 entities a second. Fixed once data is stored.</summary>
    public int CheckpointPartitions { get; set; } = 16;
    /// <summary>Whether the engine starts Azurite itself when pointed at the development connection string.</summary>
    public bool StartAzurite { get; set; } = true;

    /// <summary>Whether the engine should start its own Azurite.</summary>
    public bool NeedsEmbeddedAzurite =>
        Provider == StorageKind.AzureTable && StartAzurite && ConnectionString == AzureTableStorageOptions.DevelopmentConnectionString;
}

/// <summary>The kinds of grain storage.</summary>
public enum StorageKind
{
    /// <summary>Azure Table Storage (or Azurite).</summary>
    AzureTable,
    /// <summary>Process memory: lost on restart.</summary>
    Memory,
}
