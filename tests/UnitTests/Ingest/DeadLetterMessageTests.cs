using System.Text;
using Confluent.Kafka;
using Engagement.Ingest;

namespace Engagement.UnitTests.Ingest;

public sealed class DeadLetterMessageTests
{
    private static ConsumeResult<byte[]?, byte[]?> Record(byte[]? key, byte[] value, Headers? headers = null) => new()
    {
        Topic = "cb.accounts",
        Partition = new Partition(3),
        Offset = new Offset(41),
        Message = new Message<byte[]?, byte[]?> { Key = key, Value = value, Headers = headers ?? [] },
    };

    private static Dictionary<string, string> Named(Headers headers) =>
        headers.GroupBy(h => h.Key).ToDictionary(g => g.Key, g => Encoding.UTF8.GetString(g.Last().GetValueBytes()));

    private static int WireSize(Message<byte[]?, byte[]?> m) =>
        (m.Key?.Length ?? 0) + (m.Value?.Length ?? 0) + m.Headers.Sum(h => Encoding.UTF8.GetByteCount(h.Key) + h.GetValueBytes().Length + 10) + 64;

    [Fact]
    public void A_record_goes_unchanged_with_its_own_headers_first_and_the_reason_last()
    {
        byte[] odd = [0xff, 0xfe, 0x00];
        var record = Record("C1"u8.ToArray(), "{oops"u8.ToArray(), new Headers { { "trace", odd }, { "error", "theirs"u8.ToArray() } });
        var message = DeadLetterMessage.Of(record, "invalid_json");

        Assert.Equal(("C1", "{oops"), (Encoding.UTF8.GetString(message.Key!), Encoding.UTF8.GetString(message.Value!)));
        Assert.Equal(["trace", "error", "error", "source-topic", "source-partition", "source-offset"], message.Headers.Select(h => h.Key));
        Assert.Equal(odd, message.Headers[0].GetValueBytes());
        Assert.Equal("invalid_json", Encoding.UTF8.GetString(message.Headers.GetLastBytes("error")));
        Assert.Equal(("cb.accounts", "3", "41"), (Named(message.Headers)["source-topic"], Named(message.Headers)["source-partition"], Named(message.Headers)["source-offset"]));
    }

    [Fact]
    public void A_value_too_large_keeps_its_start_the_reason_and_the_original_size()
    {
        var value = Encoding.UTF8.GetBytes(new string('x', 1_048_576));
        var record = Record("C1"u8.ToArray(), value, new Headers { { "trace", [0xff] } });
        var message = DeadLetterMessage.Fitted(record, "invalid_field:eventId", 1_000_000);
        var headers = Named(message.Headers);

        Assert.Equal(("too_large", "invalid_field:eventId", "1048576"),
            (headers["error"], headers[DeadLetterMessage.OriginalErrorHeader], headers[DeadLetterMessage.OriginalSizeHeader]));
        Assert.Equal([0xff], message.Headers[0].GetValueBytes());
        Assert.Equal("C1", Encoding.UTF8.GetString(message.Key!));
        Assert.Equal(value[..message.Value!.Length], message.Value);
        Assert.Equal(1_000_000, WireSize(message));
    }

    [Fact]
    public void Headers_or_a_key_too_large_are_dropped_or_cut_and_said()
    {
        var record = Record(new byte[600_000], new byte[10], new Headers { { "big", new byte[600_000] }, { "small", [1] } });
        var message = DeadLetterMessage.Fitted(record, "key_mismatch", 100_000);
        var headers = Named(message.Headers);

        Assert.Equal(("2", "600000", "10"), (headers[DeadLetterMessage.DroppedHeadersHeader], headers[DeadLetterMessage.OriginalKeySizeHeader],
            headers[DeadLetterMessage.OriginalSizeHeader]));
        Assert.DoesNotContain("big", headers.Keys);
        Assert.True(message.Key!.Length is > 40_000 and < 50_000, $"key cut to {message.Key.Length}");
        Assert.Equal(10, message.Value!.Length);
        Assert.True(WireSize(message) <= 100_000);
    }
}
