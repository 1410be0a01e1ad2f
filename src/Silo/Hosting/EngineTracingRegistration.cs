using Engagement.Telemetry;

namespace Engagement.Silo.Hosting;

/// <summary>Registers OpenTelemetry tracing of the engine's own source, for exporters to be added to.</summary>
internal static class EngineTracingRegistration
{
    /// <summary>Adds a tracer provider that listens to <see cref="EngineTelemetryNames.ActivitySource"/>.</summary>
    public static IServiceCollection AddEngineTracing(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(EngineTelemetryNames.ActivitySource));
        return services;
    }
}
