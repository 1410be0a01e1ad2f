namespace Engagement.Telemetry;

/// <summary>The names under which the engine publishes its telemetry, for exporters to subscribe to.</summary>
public static class EngineTelemetryNames
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of the engine's spans.</summary>
    public const string ActivitySource = "Engagement.Engine";
}
