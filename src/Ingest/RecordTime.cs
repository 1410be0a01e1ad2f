using Confluent.Kafka;

namespace Engagement.Ingest;

/// <summary>When a record entered Kafka: the wall clock its apply runs at, so that a replay fires the same triggers.</summary>
public static class RecordTime
{
    /// <summary>The record's timestamp, or null when the broker gave none.</summary>
    public static DateTimeOffset? Of(ConsumeResult<byte[]?, byte[]?> record) =>
        record.Message.Timestamp.Type == TimestampType.NotAvailable ? null : new DateTimeOffset(record.Message.Timestamp.UtcDateTime);
}
