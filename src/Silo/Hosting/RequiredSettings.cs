using Engagement.Silo.Kafka;
using Engagement.Silo.Storage;

namespace Engagement.Silo.Hosting;

/// <summary>What a start cannot do without: a Kafka cluster and, with the Azure Table provider, a storage account.</summary>
public static class RequiredSettings
{
    /// <summary>Throws <see cref="MissingSettingsException"/>, naming every missing setting in one line, unless all are set.</summary>
    public static void Check(IConfiguration configuration)
    {
        var kafka = EngineSettings.Kafka(configuration);
        var storage = EngineSettings.Storage(configuration);
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(kafka.BootstrapServers))
        {
            missing.Add("Kafka__BootstrapServers (the Kafka cluster's bootstrap servers)");
        }
        if (storage.LacksAccount)
        {
            missing.Add("Storage__ConnectionString (the Azure Storage account; or Storage__Provider=Memory to keep state in memory only)");
        }
        if (missing.Count > 0)
        {
            throw new MissingSettingsException(
                $"Set {string.Join(" and ", missing)}; `bash scripts/run.sh` runs the engine on embedded development defaults instead.");
        }
    }
}
