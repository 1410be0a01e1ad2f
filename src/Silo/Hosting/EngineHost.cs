using Engagement.Advisors;
using Engagement.Api;
using Engagement.Checkpoints;
using Engagement.Effects;
using Engagement.Points;
using Engagement.Rules;
using Engagement.Backtests;
using Engagement.Silo.Backtests;
using Engagement.Silo.Rules;
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
            EngineSettings.CheckEarly(builder.Configuration);
            if (defaults is not null)
            {
                await defaults.StartAsync(builder, embedded);
            }
            RequiredSettings.Check(builder.Configuration);
            var kafka = EngineSettings.Kafka(builder.Configuration);
            await KafkaTopics.EnsureAsync(KafkaClients.Admin(kafka), kafka.TopicSpecs());
            AddEngine(builder);
            var app = builder.Build();
            app.MapEngineApi();
            app.MapEngineTelemetry();
            app.MapEngineDashboard();
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
        var orleans = EngineSettings.Orleans(configuration);
        EngineClustering.UnseenByOrleans(configuration, () => builder.UseOrleans(silo => silo
            .AddEngineClustering(orleans, EngineSettings.Storage(configuration), KubernetesPod.FromEnvironment())
            .AddEngineStorage(configuration)
            .AddEngineDashboard()));

        services.TryAddSingleton(TimeProvider.System);
        services.AddEngineSettings();
        services.AddSingleton<RuleBook>();
        services.AddSingleton<IRetainedInput, KafkaRetainedInput>();
        services.AddSingleton<RuleBookFollower>();
        services.AddSingleton<IRuleSetObserver>(sp => sp.GetRequiredService<RuleBookFollower>());
        services.AddHostedService(sp => sp.GetRequiredService<RuleBookFollower>());
        services.AddSingleton<ILedgerArchive>(sp => sp.GetRequiredService<StorageOptions>() is { Provider: StorageKind.AzureTable } storage
            ? new AzureTableLedgerArchive(storage)
            : new MemoryLedgerArchive());
        services.AddSingleton<ICheckpointStore>(sp => sp.GetRequiredService<StorageOptions>() is { Provider: StorageKind.AzureTable } storage
            ? new TableCheckpointStore(storage)
            : new MemoryCheckpointStore());
        services.AddSingleton<SequenceTracker>();
        services.AddSingleton<Checkpointer>();
        services.AddSingleton<EffectDispatcher>();
        services.TryAddSingleton<ITriggerPublisher, KafkaTriggerPublisher>();
        services.AddSingleton<IConversionRates, ConversionRates>();
        services.AddSingleton<DueClock>();
        services.AddHostedService<ScheduleClockStart>();

        services.AddSingleton<KafkaProducer>();
        services.AddSingleton(sp => new EventParser(sp.GetRequiredService<IOptions<EngineOptions>>().Value.BaseCurrency));
        services.AddSingleton<DeadLetterPublisher>();
        services.AddSingleton<PendingMarks>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<IngestStatus>();
        services.AddEngineHealth();
        services.AddHostedService<KafkaIngestService>();

        services.AddEngineApi();
        builder.AddEngineTelemetry();
        services.AddHostedService<StartupBanner>();
    }
}
