using Engagement.Api.Apis;
using Engagement.Silo.Ingest;
using Engagement.Silo.Kafka;
using Engagement.Silo.Storage;

namespace Engagement.Silo.Hosting;

/// <summary>The checks behind <c>/health/ready</c> and <c>/health/detail</c>: ingest consuming, storage and Kafka
/// answering (those two asked at most every few seconds, see <see cref="CachedHealthCheck{T}"/>).</summary>
public static class EngineHealth
{
    /// <summary>Registers the checks.</summary>
    public static IServiceCollection AddEngineHealth(this IServiceCollection services)
    {
        services.AddSingleton<StorageHealthCheck>();
        services.AddSingleton<KafkaHealthCheck>();
        services.AddSingleton(typeof(CachedHealthCheck<>));
        services.AddHealthChecks()
            .AddCheck<IngestHealthCheck>("ingest", tags: [HealthApi.ReadyTag])
            .AddCheck<CachedHealthCheck<StorageHealthCheck>>("storage", tags: [HealthApi.ReadyTag])
            .AddCheck<CachedHealthCheck<KafkaHealthCheck>>("kafka", tags: [HealthApi.ReadyTag]);
        return services;
    }
}
