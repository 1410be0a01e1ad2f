using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Engagement.Silo.Kafka;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Ingest;

/// <summary>Sends bad input, unchanged, to the dead-letter topic with the reason and source headers of SPEC §1.</summary>
public sealed class DeadLetterPublisher(KafkaProducer producer, IOptions<KafkaOptions> options, ILogger<DeadLetterPublisher> logger)
{
    /// <summary>Publishes the record and waits until the broker has it.</summary>
    public async Task PublishAsync(ConsumeResult<byte[]?, byte[]?> record, string reason, CancellationToken cancellation)
    {
        var headers = new Headers
        {
            { "error", Encoding.UTF8.GetBytes(reason) },
            { "source-topic", Encoding.UTF8.GetBytes(record.Topic) },
            { "source-partition", Encoding.UTF8.GetBytes(record.Partition.Value.ToString(CultureInfo.InvariantCulture)) },
            { "source-offset", Encoding.UTF8.GetBytes(record.Offset.Value.ToString(CultureInfo.InvariantCulture)) },
        };
        await producer.ProduceAsync(options.Value.DeadLetterTopic,
            new Message<byte[]?, byte[]?> { Key = record.Message.Key, Value = record.Message.Value, Headers = headers },
            cancellation);
        logger.LogWarning("Dead-lettered {Topic}/{Partition}@{Offset}: {Reason}",
            record.Topic, record.Partition.Value, record.Offset.Value, reason);
    }
}
