using Confluent.Kafka;
using Engagement.Ingest;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engagement.UnitTests.Ingest;

public sealed class RecordGuardTests
{
    private static readonly ConsumeResult<byte[]?, byte[]?> Record = new()
    {
        Topic = "cb.customers", Partition = new Partition(0), Offset = new Offset(9), Message = new Message<byte[]?, byte[]?>(),
    };

    [Fact]
    public void Anything_thrown_while_reading_a_record_becomes_internal_error_with_its_type() =>
        Assert.Equal(ParsedRecord.Bad("internal_error:InsufficientExecutionStackException"),
            RecordGuard.Parse(() => throw new InsufficientExecutionStackException("Li Wei's record"), Record, NullLogger.Instance));

    [Fact]
    public void What_the_parser_returns_passes_through() =>
        Assert.Equal(ParsedRecord.Bad("invalid_json"), RecordGuard.Parse(() => ParsedRecord.Bad("invalid_json"), Record, NullLogger.Instance));
}
