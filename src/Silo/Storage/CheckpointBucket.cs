using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Engagement.Checkpoints;

namespace Engagement.Silo.Storage;

/// <summary>How customers share a bucket row: each one a binary property named after its key, holding its snapshot, or a
/// mark that its state lives in a row of its own.</summary>
/// <remarks>Azurite and Azure charge a write by the entity, not by its properties, so one merge of a bucket row stores
/// every customer of that bucket a checkpoint changed for the price of one. A customer's property is never read with
/// the others: a read selects it alone.</remarks>
internal static class CheckpointBucket
{
    /// <summary>The largest snapshot a bucket row holds; a larger one goes to a row of its own. Azure allows 1 MiB per
    /// entity and 252 properties: 252 customers of 3 KiB stay within it.</summary>
    public const int InlineLimit = 3 * 1024;

    /// <summary>Azure's limit on a property name's length.</summary>
    private const int MaxNameLength = 255;

    private const int HeaderBytes = sizeof(int);

    /// <summary>The value of a customer whose state is in a row of its own; shorter than any stored snapshot.</summary>
    public static byte[] OwnRowMark() => [0];

    /// <summary>The property of <paramref name="key"/>: 'c' and the key with every character but ASCII letters and digits
    /// escaped by '_' (<c>_u</c> underscore, <c>_d</c> dot, <c>_h</c> hyphen, <c>_x</c> and four hex digits for any other),
    /// so that names stay C# identifiers, as Azure requires, and two keys never share one.</summary>
    public static string PropertyName(string key)
    {
        var name = new StringBuilder("c", key.Length + 8);
        foreach (var c in key)
        {
            _ = c switch
            {
                _ when char.IsAsciiLetterOrDigit(c) => name.Append(c),
                '_' => name.Append("_u"),
                '.' => name.Append("_d"),
                '-' => name.Append("_h"),
                _ => name.Append("_x").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
            };
        }
        return name.Length <= MaxNameLength
            ? name.ToString()
            : throw new ArgumentException($"The customer key '{key}' is too long to name a property of its checkpoint bucket.", nameof(key));
    }

    /// <summary>The property value holding <paramref name="snapshot"/>: its raw length (0 when not compressed), then its bytes.</summary>
    public static byte[] Value(StateSnapshot snapshot)
    {
        var value = new byte[HeaderBytes + snapshot.Bytes.Length];
        BinaryPrimitives.WriteInt32LittleEndian(value, snapshot.RawLength);
        snapshot.Bytes.CopyTo(value, HeaderBytes);
        return value;
    }

    /// <summary>Whether <paramref name="value"/> says the state is in a row of its own.</summary>
    public static bool IsOwnRowMark(byte[] value) => value.Length < HeaderBytes;

    /// <summary>The snapshot a property value holds; <paramref name="unreadable"/> makes the error for a damaged one.</summary>
    public static StateSnapshot Snapshot(byte[] value, Func<string, Exception> unreadable) =>
        BinaryPrimitives.ReadInt32LittleEndian(value) is >= 0 and var rawLength
            ? new StateSnapshot(value[HeaderBytes..], rawLength)
            : throw unreadable("its raw length is negative");

    /// <summary>The stored size of the snapshot a property value holds; null for the mark of a row of its own.</summary>
    public static int? StoredBytes(byte[] value) => IsOwnRowMark(value) ? null : value.Length - HeaderBytes;
}
