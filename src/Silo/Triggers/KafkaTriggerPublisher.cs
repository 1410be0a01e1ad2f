using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Engagement.Api;
using Engagement.Silo.Kafka;
using Engagement.Triggers;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Triggers;

/// <summary>Publishes triggers to <c>eng.triggers</c>, keyed by advisor, through the idempotent producer.</summary>
public sealed class KafkaTriggerPublisher(KafkaProducer producer, IOptions<KafkaOptions> options) : ITriggerPublisher
{
    /// <inheritdoc />
    public Task PublishAsync(IReadOnlyList<Trigger> triggers) =>
        Task.WhenAll(triggers.Select(trigger => producer.ProduceAsync(options.Value.TriggersTopic, new Message<byte[]?, byte[]?>
        {
            Key = Encoding.UTF8.GetBytes(trigger.AdvisorId),
            Value = JsonSerializer.SerializeToUtf8Bytes(trigger, EngineJson.Options),
        }, CancellationToken.None)));
}
