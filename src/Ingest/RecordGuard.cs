using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Engagement.Ingest;

/// <summary>Keeps one record from stopping ingest: whatever reading it throws makes it bad input with reason
/// <c>internal_error:&lt;exception type&gt;</c>.</summary>
public static class RecordGuard
{
    /// <summary>The reason code for an exception thrown while handling one record.</summary>
    public static string InternalError(Exception exception) => $"internal_error:{exception.GetType().Name}";

    /// <summary>Runs <paramref name="parse"/> for <paramref name="record"/>; an exception is logged by type and
    /// position only (the record may hold personal data) and becomes the reason.</summary>
    public static ParsedRecord Parse(Func<ParsedRecord> parse, ConsumeResult<byte[]?, byte[]?> record, ILogger logger)
    {
        try
        {
            return parse();
        }
        catch (Exception ex)
        {
            logger.LogError("Reading {Topic}/{Partition}@{Offset} threw {Exception} at {StackTrace}; it is dead-lettered",
                record.Topic, record.Partition.Value, record.Offset.Value, ex.GetType().FullName, ex.StackTrace);
            return ParsedRecord.Bad(InternalError(ex));
        }
    }
}
