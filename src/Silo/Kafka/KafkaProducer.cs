using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Kafka;

/// <summary>The engine's one idempotent Kafka producer, shared by the dead-letter and trigger publishers.</summary>
public sealed class KafkaProducer(IOptions<KafkaOptions> options) : IDisposable
{
    private readonly IProducer<byte[]?, byte[]?> _producer =
        new ProducerBuilder<byte[]?, byte[]?>(KafkaClients.Producer(options.Value)).Build();

    /// <summary>Produces one message and waits for the broker's acknowledgement.</summary>
    public Task ProduceAsync(string topic, Message<byte[]?, byte[]?> message, CancellationToken cancellation) =>
        _producer.ProduceAsync(topic, message, cancellation);

    /// <summary>Flushes what is pending and closes the producer.</summary>
    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
