using Confluent.Kafka;

namespace Engagement.Simulator;

/// <summary>Produces records to a Kafka cluster, as core banking would: keyed, idempotent, batched and compressed.</summary>
public sealed class KafkaRecordSink(string bootstrapServers) : IRecordSink, IDisposable
{
    private static readonly TimeSpan QueueFullWait = TimeSpan.FromMilliseconds(50);

    private readonly IProducer<string, string> _producer = new ProducerBuilder<string, string>(new ProducerConfig
    {
        BootstrapServers = bootstrapServers,
        EnableIdempotence = true,
        Acks = Acks.All,
        LingerMs = 20,
        BatchSize = 1_000_000,
        // Compressed batches also keep a large run within the retention of librdkafka's mock broker.
        CompressionType = CompressionType.Lz4,
    }).Build();

    private long _failed;
    private string? _firstFailure;

    /// <inheritdoc />
    public void Send(SimulatedRecord record)
    {
        var message = new Message<string, string> { Key = record.Key, Value = record.Value };
        while (true)
        {
            try
            {
                _producer.Produce(record.Topic, message, OnDelivered);
                return;
            }
            catch (ProduceException<string, string> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Back-pressure: serve delivery reports until the client's queue has room again.
                _producer.Poll(QueueFullWait);
            }
        }
    }

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellation) => Task.Run(() =>
    {
        while (_producer.Flush(TimeSpan.FromMilliseconds(200)) > 0)
        {
            cancellation.ThrowIfCancellationRequested();
        }
        if (Interlocked.Read(ref _failed) is var failed and > 0)
        {
            throw new InvalidOperationException($"{failed} records were not delivered; the first: {_firstFailure}");
        }
    }, cancellation);

    /// <inheritdoc />
    public void Dispose() => _producer.Dispose();

    private void OnDelivered(DeliveryReport<string, string> report)
    {
        if (report.Error.IsError && Interlocked.Increment(ref _failed) == 1)
        {
            _firstFailure = report.Error.Reason;
        }
    }
}
