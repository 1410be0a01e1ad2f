using Engagement.Configuration;
using Engagement.Development.Demo;
using Engagement.Development.Kafka;
using Engagement.Development.Storage;
using Engagement.Silo.Hosting;
using Engagement.Silo.Storage;

namespace Engagement.Development;

/// <summary>The development composition: the embedded broker when no Kafka cluster is configured, Azurite when no
/// storage account is, and the demo feed unless <c>Demo:Enabled</c> is false.</summary>
public sealed class DevelopmentDefaults : IEngineDefaults
{
    /// <summary>Builds the engine with these defaults; <paramref name="configure"/> runs first, as in <see cref="EngineHost.BuildAsync"/>.</summary>
    public static Task<RunningEngine> BuildEngineAsync(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        EngineHost.BuildAsync(args, configure, new DevelopmentDefaults());

    /// <inheritdoc />
    public async Task StartAsync(WebApplicationBuilder builder, ICollection<IAsyncDisposable> started)
    {
        var configuration = builder.Configuration;
        if (EmbeddedKafka.StartIfNeeded(configuration) is { } broker)
        {
            started.Add(broker);
        }
        var storage = ValidatedOptions.Read(configuration, StorageOptions.Section, new StorageOptionsValidator());
        if (storage.LacksAccount)
        {
            var development = ValidatedOptions.Read(configuration, DevelopmentOptions.Section, new DevelopmentOptionsValidator());
            var azurite = await AzuriteProcess.StartForDevelopmentAsync(development.AzuritePort, development.AzuriteFolder);
            started.Add(azurite);
            configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"] = azurite.ConnectionString;
        }
        builder.Services.AddDemoFeed(configuration);
    }
}
