namespace Engagement.Telemetry;

/// <summary>The names under which the engine's own telemetry is published.</summary>
public static class EngineTelemetryNames
{
    /// <summary>The engine's meter: events applied, dead letters, triggers, ingest progress, checkpoints, live streams.</summary>
    public const string Meter = "Engagement.Engine";

    /// <summary>The engine's <see cref="System.Diagnostics.ActivitySource"/> for its own spans.</summary>
    public const string ActivitySource = "Engagement.Engine";

    /// <summary>Orleans' own meter.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";
}
