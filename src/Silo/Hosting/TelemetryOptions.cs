namespace Engagement.Silo.Hosting;

/// <summary>Where telemetry goes besides <c>GET /metrics</c>, bound from the <c>Telemetry</c> configuration section.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Telemetry";

    /// <summary>An OpenTelemetry collector's OTLP endpoint (gRPC by default, e.g. <c>http://collector:4317</c>) to push
    /// metrics and traces to; none when empty.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Records the engine's spans even without an OTLP endpoint, for an exporter added in code; off by default,
    /// because with no listener the engine creates no spans at all.</summary>
    public bool Traces { get; set; }

    /// <summary>The service name that metrics and traces carry.</summary>
    public string ServiceName { get; set; } = "engagement-engine";
}
