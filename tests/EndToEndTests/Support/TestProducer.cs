using System.Text;
using Confluent.Kafka;

namespace Engagement.EndToEndTests.Support;

/// <summary>Produces core-banking records over the Kafka protocol, as core banking would.</summary>
internal sealed class TestProducer(string bootstrapServers) : IDisposable
{
    private readonly IProducer<byte[]?, byte[]?> _producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig
    {
        BootstrapServers = bootstrapServers,
        EnableIdempotence = true,
        Acks = Acks.All,
        LingerMs = 5,
        // Core banking may send records larger than the engine's own producer limit (the embedded broker takes them).
        MessageMaxBytes = 4_000_000,
    }).Build();

    public Task SendAsync(string topic, string? key, string value) =>
        _producer.ProduceAsync(topic, new Message<byte[]?, byte[]?>
        {
            Key = key is null ? null : Encoding.UTF8.GetBytes(key),
            Value = Encoding.UTF8.GetBytes(value),
        });

    /// <summary>Sends raw bytes (which need not be UTF-8) and says where the record landed.</summary>
    public Task<DeliveryResult<byte[]?, byte[]?>> SendAsync(string topic, byte[]? key, byte[] value, Headers? headers = null) =>
        _producer.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Key = key, Value = value, Headers = headers });

    public void Dispose() => _producer.Dispose();
}
