using Confluent.Kafka;
using Engagement.Silo.Kafka;
using Engagement.Telemetry;
using Microsoft.Extensions.Options;
using ErrorCode = Confluent.Kafka.ErrorCode;

namespace Engagement.Silo.Ingest;

/// <summary>Sends bad input, unchanged, to the dead-letter topic with the reason and source headers of SPEC §1; a record
/// larger than the topic accepts goes cut down as <see cref="DeadLetterMessage.TooLarge"/>.</summary>
public sealed class DeadLetterPublisher(
    KafkaProducer producer,
    IOptions<KafkaOptions> options,
    EngineMetrics metrics,
    ILogger<DeadLetterPublisher> logger)
{
    // A topic that cannot take this much is misconfigured: the record then waits, retried, rather than go without its headers.
    private const int SmallestFit = 4_096;

    /// <summary>Publishes the record and waits until the broker has it.</summary>
    public async Task PublishAsync(ConsumeResult<byte[]?, byte[]?> record, string reason, CancellationToken cancellation)
    {
        if (await TrySendAsync(DeadLetterMessage.Of(record, reason), cancellation))
        {
            logger.LogWarning("Dead-lettered {Topic}/{Partition}@{Offset}: {Reason}",
                record.Topic, record.Partition.Value, record.Offset.Value, reason);
            metrics.DeadLettered(reason);
            return;
        }
        // The producer's own limit comes first; a broker whose topic takes less says so, and half as much is tried.
        for (var limit = options.Value.MessageMaxBytes; ; limit /= 2)
        {
            if (limit < SmallestFit)
            {
                throw new InvalidOperationException($"The dead-letter topic accepts no record of {SmallestFit} bytes.");
            }
            if (await TrySendAsync(DeadLetterMessage.Fitted(record, reason, limit), cancellation))
            {
                logger.LogWarning("Dead-lettered {Topic}/{Partition}@{Offset}: {Reason}, cut to {Limit} bytes from a value of {Size}",
                    record.Topic, record.Partition.Value, record.Offset.Value, reason, limit, record.Message.Value?.Length ?? 0);
                metrics.DeadLettered(DeadLetterMessage.TooLarge);
                return;
            }
        }
    }

    private async Task<bool> TrySendAsync(Message<byte[]?, byte[]?> message, CancellationToken cancellation)
    {
        try
        {
            await producer.ProduceAsync(options.Value.DeadLetterTopic, message, cancellation);
            return true;
        }
        catch (ProduceException<byte[]?, byte[]?> ex) when (ex.Error.Code == ErrorCode.MsgSizeTooLarge)
        {
            return false;
        }
    }
}
