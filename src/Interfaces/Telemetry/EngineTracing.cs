using System.Diagnostics;

namespace Engagement.Telemetry;

/// <summary>The engine's spans and the W3C <c>traceparent</c> strings that carry their context between records,
/// grains and pushes.</summary>
public static class EngineTracing
{
    /// <summary>The Kafka header, and the W3C field, that carries a span's context.</summary>
    public const string TraceParentHeader = "traceparent";

    /// <summary>The source every engine span starts from.</summary>
    public static readonly ActivitySource Source = new(EngineTelemetryNames.ActivitySource);

    /// <summary>Starts a span whose parent is <paramref name="traceParent"/> when that is a valid W3C
    /// <c>traceparent</c>; otherwise a span under whatever is current. Null when nothing listens.</summary>
    public static Activity? StartContinuing(string name, ActivityKind kind, string? traceParent) =>
        Source.StartActivity(name, kind, ContextOf(traceParent));

    /// <summary>The context a <c>traceparent</c> names, or <c>default</c> when it is absent or malformed.</summary>
    public static ActivityContext ContextOf(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;

    /// <summary>The <c>traceparent</c> of <paramref name="span"/>, or <paramref name="otherwise"/> when there is no
    /// span (nothing listens): the context still travels on.</summary>
    public static string? TraceParentOf(Activity? span, string? otherwise = null) =>
        span is { IdFormat: ActivityIdFormat.W3C } ? span.Id : otherwise;
}
