using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace Engagement.Ingest;

/// <summary>The dead-letter record for a bad record: the record unchanged (its own headers first, then SPEC §1's), or,
/// when that is more than the topic accepts, as much of it as fits, saying so.</summary>
public static class DeadLetterMessage
{
    /// <summary>The reason of a record cut down to fit; the reason it was bad is in <see cref="OriginalErrorHeader"/>.</summary>
    public const string TooLarge = "too_large";

    /// <summary>On a cut-down record, the reason the record was dead-lettered.</summary>
    public const string OriginalErrorHeader = "original-error";

    /// <summary>On a cut-down record, the byte length of the whole value.</summary>
    public const string OriginalSizeHeader = "original-size";

    /// <summary>On a cut-down record whose key was cut too, the byte length of the whole key.</summary>
    public const string OriginalKeySizeHeader = "original-key-size";

    /// <summary>On a cut-down record whose own headers were left out, how many there were.</summary>
    public const string DroppedHeadersHeader = "dropped-headers";

    // librdkafka counts a record's framing (length, attributes, deltas, lengths: varints) against message.max.bytes,
    // and each header's two lengths; both are bounded well below these.
    private const int RecordOverhead = 64;
    private const int HeaderOverhead = 10;

    /// <summary>The record unchanged, with the reason and source headers.</summary>
    public static Message<byte[]?, byte[]?> Of(ConsumeResult<byte[]?, byte[]?> record, string reason) =>
        new() { Key = record.Message.Key, Value = record.Message.Value, Headers = Combine(OwnHeaders(record), record, reason, []) };

    /// <summary>The record as <see cref="TooLarge"/>, at most <paramref name="maxBytes"/> as librdkafka counts them: its
    /// own headers if all the headers fit in half of that, its key if it fits in half of the rest, and the start of its
    /// value.</summary>
    public static Message<byte[]?, byte[]?> Fitted(ConsumeResult<byte[]?, byte[]?> record, string reason, int maxBytes)
    {
        var value = record.Message.Value ?? [];
        var room = maxBytes - RecordOverhead;
        var note = new Headers { { OriginalErrorHeader, Encoding.UTF8.GetBytes(reason) }, { OriginalSizeHeader, Number(value.Length) } };
        var headers = Combine(OwnHeaders(record), record, TooLarge, note);
        if (SizeOf(headers) > room / 2)
        {
            note.Add(DroppedHeadersHeader, Number(OwnHeaders(record).Count()));
            headers = Combine([], record, TooLarge, note);
        }
        var key = record.Message.Key;
        if (key is not null && key.Length > (room - SizeOf(headers)) / 2)
        {
            headers.Add(OriginalKeySizeHeader, Number(key.Length));
            key = key[..Math.Max(0, (room - SizeOf(headers)) / 2)];
        }
        var valueRoom = room - SizeOf(headers) - (key?.Length ?? 0);
        return new() { Key = key, Value = value[..Math.Clamp(valueRoom, 0, value.Length)], Headers = headers };
    }

    private static IEnumerable<IHeader> OwnHeaders(ConsumeResult<byte[]?, byte[]?> record) =>
        record.Message.Headers is { } own ? own : [];

    private static Headers Combine(IEnumerable<IHeader> own, ConsumeResult<byte[]?, byte[]?> record, string reason, IEnumerable<IHeader> note)
    {
        var headers = new Headers();
        foreach (var header in own)
        {
            headers.Add(header.Key, header.GetValueBytes());
        }
        headers.Add("error", Encoding.UTF8.GetBytes(reason));
        headers.Add("source-topic", Encoding.UTF8.GetBytes(record.Topic));
        headers.Add("source-partition", Number(record.Partition.Value));
        headers.Add("source-offset", Number(record.Offset.Value));
        foreach (var header in note)
        {
            headers.Add(header.Key, header.GetValueBytes());
        }
        return headers;
    }

    private static int SizeOf(Headers headers) =>
        headers.Sum(h => Encoding.UTF8.GetByteCount(h.Key) + h.GetValueBytes().Length + HeaderOverhead);

    private static byte[] Number(long value) => Encoding.UTF8.GetBytes(value.ToString(CultureInfo.InvariantCulture));
}
