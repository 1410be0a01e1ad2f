using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Reflection;
using Engagement.Advisors;
using Engagement.Customers;

namespace Engagement.Telemetry;

/// <summary>The engine's own instruments, created once on the <see cref="EngineTelemetryNames.Meter"/> meter; Prometheus
/// shows them as <c>engine_events_applied_total{type}</c>, <c>engine_dead_letters_total{reason}</c>,
/// <c>engine_triggers_fired_total{type}</c>, <c>engine_ingest_lag{topic,partition}</c>,
/// <c>engine_ingest_commit_age_seconds{topic,partition}</c>, <c>engine_checkpoint_duration_seconds</c>,
/// <c>engine_stream_connections</c>, and <c>engine_triggers_conversion{type,tier}</c>,
/// <c>engine_triggers_closed_90d{type,tier}</c> and <c>engine_triggers_won_90d{type,tier}</c>.</summary>
public sealed class EngineMetrics
{
    private static readonly ConcurrentDictionary<Type, string> EventTypes = new();

    // As the JSON spells them.
    private static readonly string[] TierNames = Enum.GetNames<Tier>().Select(n => n.ToLowerInvariant()).ToArray();

    private static readonly double[] CheckpointBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> _eventsApplied;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _triggersFired;
    private readonly Histogram<double> _checkpointDuration;
    private readonly UpDownCounter<long> _streamConnections;

    /// <summary>Creates the instruments; the ingest gauges read <paramref name="ingest"/> and the conversion gauges
    /// <paramref name="conversions"/> at each collection.</summary>
    public EngineMetrics(IMeterFactory meters, IIngestProgress? ingest = null, IConversionReadings? conversions = null)
    {
        var meter = meters.Create(EngineTelemetryNames.Meter);
        _eventsApplied = meter.CreateCounter<long>("engine.events.applied", "{event}",
            "Events applied to a customer's state, by SPEC event type; repeats skipped by exactly-once ingest are not counted.");
        _deadLetters = meter.CreateCounter<long>("engine.dead_letters", "{record}",
            "Records sent to the dead-letter topic, by reason code (the part before any ':').");
        _triggersFired = meter.CreateCounter<long>("engine.triggers.fired", "{trigger}",
            "Triggers fired, by trigger type; later versions of a trigger and redeliveries are not counted.");
        _checkpointDuration = meter.CreateHistogram("engine.checkpoint.duration", "s",
            "Duration of a checkpoint round that stored states: the writes and the wait for the effects before it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CheckpointBuckets });
        _streamConnections = meter.CreateUpDownCounter<long>("engine.stream.connections", "{connection}",
            "Open live trigger streams (text/event-stream).");
        if (ingest is not null)
        {
            meter.CreateObservableGauge("engine.ingest.lag", () => Measure(ingest, p => p.Lag), "{record}",
                "Records on the partition not yet consumed: its high watermark less the consumer's position.");
            meter.CreateObservableGauge("engine.ingest.commit.age", () => Measure(ingest, p => (double?)p.CommitAgeSeconds), "s",
                "Seconds the committed offset has stood behind consumed records; 0 when all consumed is committed.");
        }
        if (conversions is not null)
        {
            meter.CreateObservableGauge("engine.triggers.conversion", () => Measure(conversions, r => (double?)r.Conversion), "1",
                "Won ÷ closed of the triggers closed in the last 90 days over every advisor, by trigger type and tier.");
            meter.CreateObservableGauge("engine.triggers.closed.90d", () => Measure(conversions, r => (long?)r.Closed), "{trigger}",
                "Triggers closed in the last 90 days over every advisor, by trigger type and tier.");
            meter.CreateObservableGauge("engine.triggers.won.90d", () => Measure(conversions, r => (long?)r.Won), "{trigger}",
                "Triggers closed with a sale in the last 90 days over every advisor, by trigger type and tier.");
        }
    }

    /// <summary>Counts one event applied.</summary>
    public void EventApplied(object e) => _eventsApplied.Add(1, new KeyValuePair<string, object?>("type", TypeOf(e)));

    /// <summary>Counts one record dead-lettered for <paramref name="reason"/>; only its code goes into the tag, since a
    /// detail such as a field name comes from the input and would make the series unbounded.</summary>
    public void DeadLettered(string reason) =>
        _deadLetters.Add(1, new KeyValuePair<string, object?>("reason", ReasonCode(reason)));

    /// <summary>Counts one trigger fired.</summary>
    public void TriggerFired(string type) => _triggersFired.Add(1, new KeyValuePair<string, object?>("type", type));

    /// <summary>Records the duration of a checkpoint round; <paramref name="durable"/> says whether it became durable.</summary>
    public void CheckpointTaken(TimeSpan duration, bool durable) =>
        _checkpointDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("result", durable ? "durable" : "retried"));

    /// <summary>Notes a live stream opening (+1) or closing (-1).</summary>
    public void StreamConnections(int change) => _streamConnections.Add(change);

    /// <summary>The code of a dead-letter reason: <c>missing_field:amount</c> is <c>missing_field</c>.</summary>
    public static string ReasonCode(string reason) => reason.IndexOf(':') is var colon and >= 0 ? reason[..colon] : reason;

    /// <summary>SPEC's name of an event's type: the serialization alias its record carries (<c>transaction.posted</c>).</summary>
    public static string TypeOf(object e) =>
        EventTypes.GetOrAdd(e.GetType(), type => type.GetCustomAttribute<AliasAttribute>(inherit: false)?.Alias ?? type.Name);

    private static IEnumerable<Measurement<T>> Measure<T>(IConversionReadings conversions, Func<ConversionRate, T?> value) where T : struct =>
        (conversions.Latest?.Rates ?? [])
            .Where(r => value(r) is not null)
            .Select(r => new Measurement<T>(value(r)!.Value,
                new KeyValuePair<string, object?>("type", r.Type), new KeyValuePair<string, object?>("tier", TierNames[(int)r.Tier])));

    private static IEnumerable<Measurement<T>> Measure<T>(IIngestProgress ingest, Func<PartitionProgress, T?> value) where T : struct =>
        ingest.Partitions()
            .Where(p => value(p) is not null)
            .Select(p => new Measurement<T>(value(p)!.Value,
                new KeyValuePair<string, object?>("topic", p.Topic), new KeyValuePair<string, object?>("partition", p.Partition)));
}
