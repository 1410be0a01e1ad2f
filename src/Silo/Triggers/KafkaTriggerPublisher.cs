using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Engagement.Api;
using Engagement.Silo.Kafka;
using Engagement.Telemetry;
using Engagement.Triggers;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Triggers;

/// <summary>Publishes triggers to <c>eng.triggers</c>, keyed by advisor, through the idempotent producer; a trigger
/// whose firing span is known carries it in a <c>traceparent</c> header (the value stays the same JSON either way).</summary>
public sealed class KafkaTriggerPublisher(KafkaProducer producer, IOptions<KafkaOptions> options) : ITriggerPublisher
{
    /// <inheritdoc />
    public Task PublishAsync(IReadOnlyList<TracedTrigger> triggers) =>
        Task.WhenAll(triggers.Select(traced => producer.ProduceAsync(options.Value.TriggersTopic, new Message<byte[]?, byte[]?>
        {
            Key = Encoding.UTF8.GetBytes(traced.Trigger.AdvisorId),
            Value = JsonSerializer.SerializeToUtf8Bytes(traced.Trigger, EngineJson.Options),
            Headers = traced.TraceParent is { } traceParent
                ? new Headers { { EngineTracing.TraceParentHeader, Encoding.ASCII.GetBytes(traceParent) } }
                : null,
        }, CancellationToken.None)));
}
