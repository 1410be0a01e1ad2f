using Engagement.Configuration;
using Engagement.Silo.Ingest;
using Engagement.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Engagement.Silo.Hosting;

/// <summary>OpenTelemetry for the engine: its own meter, Orleans' and ASP.NET Core's metrics, scraped at
/// <c>GET /metrics</c>; its own activity source for traces when an OTLP endpoint is configured (or
/// <c>Telemetry:Traces</c>); both pushed over OTLP when an endpoint is configured.</summary>
public static class EngineTelemetry
{
    // OpenTelemetry allocates every metric's series up front, 2,000 by default: Orleans' and ASP.NET Core's 290 or so
    // metric streams held 43 MB for good, on every silo. Their series are by grain type, silo, endpoint and the like, a
    // few dozen at most; the engine's own (partitions, trigger types by tier) and the HTTP requests' (routes by status)
    // keep the default. Orleans publishes each instrument twice and OpenTelemetry sizes the second stream by its
    // default, so this halves the cost rather than removing it (22 MB left).
    private const int SeriesPerMetric = 100;

    /// <summary>Registers <see cref="EngineMetrics"/>, the ingest progress and conversion table it reads, and the
    /// OpenTelemetry providers.</summary>
    public static WebApplicationBuilder AddEngineTelemetry(this WebApplicationBuilder builder)
    {
        var options = ValidatedOptions.Read(builder.Configuration, TelemetryOptions.Section, new TelemetryOptionsValidator());
        var otlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint);
        builder.Services.AddSingleton<IIngestProgress>(sp => sp.GetRequiredService<IngestStatus>());
        builder.Services.AddSingleton<ConversionRefresh>();
        builder.Services.AddSingleton<IConversionReadings>(sp => sp.GetRequiredService<ConversionRefresh>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConversionRefresh>());
        builder.Services.AddSingleton<EngineMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(EngineTelemetryNames.Meter, EngineTelemetryNames.OrleansMeter)
                    .AddView(instrument => instrument.Meter.Name is EngineTelemetryNames.Meter or "Microsoft.AspNetCore.Hosting"
                        ? null
                        : new MetricStreamConfiguration { CardinalityLimit = SeriesPerMetric })
                    .AddAspNetCoreInstrumentation()
                    .AddPrometheusExporter();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                }
            });
        if (otlp is not null || options.Traces)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(EngineTelemetryNames.ActivitySource);
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                }
            });
        }
        return builder;
    }

    /// <summary>Maps the Prometheus scrape at <c>GET /metrics</c>, without auth: bind it to an internal address in
    /// production.</summary>
    public static WebApplication MapEngineTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint().AllowAnonymous();
        return app;
    }
}
