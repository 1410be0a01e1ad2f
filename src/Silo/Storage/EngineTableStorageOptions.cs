namespace Engagement.Silo.Storage;

/// <summary>Where <see cref="EngineTableGrainStorage"/> keeps grain state.</summary>
public sealed class EngineTableStorageOptions
{
    /// <summary>The shorthand that Azure.Data.Tables reads as Azurite's table endpoint, http://127.0.0.1:10002/devstoreaccount1.</summary>
    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    /// <summary>The table used when none is configured.</summary>
    public const string DefaultTableName = "EngineGrainState";

    /// <summary>An Azure Storage (or Azurite) connection string with a table endpoint.</summary>
    public string ConnectionString { get; set; } = DevelopmentConnectionString;

    /// <summary>The table holding the state: 3 to 63 letters and digits, starting with a letter.</summary>
    public string TableName { get; set; } = DefaultTableName;
}
