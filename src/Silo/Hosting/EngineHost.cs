using Engagement.Api;
using Engagement.Checkpoints;
using Engagement.Effects;
using Engagement.Points;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.Silo.Schedule;
using Engagement.Silo.Storage;
using Engagement.Silo.Triggers;
using Engagement.Triggers;
using Engagement.Silo.Ingest;
using Engagement.Silo.Kafka;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Hosting;

/// <summary>Builds the whole engine in one process: the Orleans silo, Kafka ingest, the silo clock and the HTTP API,
/// against the configured Kafka cluster and storage.</summary>
public static class EngineHost
{
    /// <summary>Builds the engine; <paramref name="configure"/> runs first, so tests can set configuration and
    /// register their own <see cref="TimeProvider"/>; then <paramref name="defaults"/>, if any, fills in what the
    /// configuration leaves out. Without a broker or storage it throws <see cref="MissingSettingsException"/>.</summary>
    public static async Task<RunningEngine> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null,
        IEngineDefaults? defaults = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var embedded = new List<IAsyncDisposable>();
        try
        {
            if (defaults is not null)
            {
                await defaults.StartAsync(builder, embedded);
            }
            RequiredSettings.Check(builder.Configuration);
            var kafka = builder.Configuration.GetSection(KafkaOptions.Section).Get<KafkaOptions>() ?? new KafkaOptions();
            await KafkaTopics.EnsureAsync(kafka.BootstrapServers!, kafka.TopicSpecs());
            AddEngine(builder);
            var app = builder.Build();
            app.MapEngineApi();
            return new RunningEngine(app, embedded);
        }
        catch
        {
            foreach (var service in embedded)
            {
                await service.DisposeAsync();
            }
            throw;
        }
    }

    private static void AddEngine(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var orleans = configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>() ?? new OrleansOptions();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId)
            .AddEngineStorage(configuration));

        services.TryAddSingleton(TimeProvider.System);
        services.Configure<KafkaOptions>(configuration.GetSection(KafkaOptions.Section));
        services.Configure<EngineOptions>(configuration.GetSection(EngineOptions.Section));
        services.AddSingleton(configuration.GetSection("Rules").Get<RuleSettings>() ?? new RuleSettings());
        var engine = configuration.GetSection(EngineOptions.Section).Get<EngineOptions>() ?? new EngineOptions();
        var triggers = configuration.GetSection("Triggers").Get<TriggerSettings>() ?? new TriggerSettings();
        triggers.Language = Languages.Parse(engine.Language);
        triggers.TimeZone = engine.Zone();
        services.AddSingleton(triggers);
        services.AddSingleton<CustomerRules>();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(storage);
        services.AddSingleton<ILedgerArchive>(storage.Provider == StorageKind.Memory
            ? new MemoryLedgerArchive()
            : new AzureTableLedgerArchive(storage));
        services.AddSingleton<ICheckpointStore>(storage.Provider == StorageKind.Memory
            ? new MemoryCheckpointStore()
            : new TableCheckpointStore(storage));
        services.Configure<CheckpointOptions>(configuration.GetSection(CheckpointOptions.Section));
        services.AddSingleton<SequenceTracker>();
        services.AddSingleton<Checkpointer>();
        services.AddSingleton<EffectDispatcher>();
        services.TryAddSingleton<ITriggerPublisher, KafkaTriggerPublisher>();
        services.Configure<ScheduleOptions>(configuration.GetSection(ScheduleOptions.Section));
        services.AddSingleton<DueClock>();
        services.AddHostedService(sp => sp.GetRequiredService<DueClock>());

        services.AddSingleton<KafkaProducer>();
        services.AddSingleton(sp => new EventParser(sp.GetRequiredService<IOptions<EngineOptions>>().Value.BaseCurrency));
        services.AddSingleton<DeadLetterPublisher>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<IngestStatus>();
        services.AddSingleton<IReadiness, IngestReadiness>();
        services.AddHostedService<KafkaIngestService>();

        services.AddEngineApi(configuration);
        services.AddHostedService<StartupBanner>();
    }
}
