using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Engagement.Telemetry;

namespace Engagement.Silo.Ingest;

/// <summary>The span of one poll batch, and the trace context each of its records' applies continues.</summary>
/// <remarks>A batch mixes records of many traces, so it can be the child of none: it is a root linked to each record's
/// own context. A record's apply continues the record's trace; one that came without a trace continues the batch's.</remarks>
public static class BatchTrace
{
    /// <summary>The span of one poll batch.</summary>
    public const string BatchSpan = "ingest.batch";

    // A W3C traceparent is 55 characters; anything much longer is not one, and is not read.
    private const int MaxTraceParentBytes = 128;

    /// <summary>Starts the batch's span, linked to the distinct contexts its records carry; it is not left current, since
    /// the poll loop goes on to other batches while this one is applied. Null when nothing listens.</summary>
    public static Activity? Start(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch)
    {
        if (!EngineTracing.Source.HasListeners())
        {
            return null;
        }
        var links = batch.Select(TraceParentOf).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(traceParent => new ActivityLink(EngineTracing.ContextOf(traceParent))).ToList();
        var previous = Activity.Current;
        Activity.Current = null;
        var span = EngineTracing.Source.StartActivity(BatchSpan, ActivityKind.Consumer, default(ActivityContext),
            [new("messaging.batch.message_count", batch.Count)], links);
        Activity.Current = previous;
        return span;
    }

    /// <summary>The record's own <c>traceparent</c> header when it is a valid W3C one, else null (a malformed header is
    /// ignored: tracing never makes a record bad input).</summary>
    public static string? TraceParentOf(ConsumeResult<byte[]?, byte[]?> record)
    {
        if (record.Message.Headers is not { } headers
            || !headers.TryGetLastBytes(EngineTracing.TraceParentHeader, out var bytes)
            || bytes is null || bytes.Length > MaxTraceParentBytes)
        {
            return null;
        }
        var traceParent = Encoding.ASCII.GetString(bytes);
        return EngineTracing.ContextOf(traceParent) == default ? null : traceParent;
    }
}
