using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Engagement.Silo.Storage;

/// <summary>Maps a grain's state to the PartitionKey and RowKey of its table entity.</summary>
/// <remarks>
/// The partition is the grain type plus one of <see cref="BucketCount"/> buckets of the grain id, so writes spread over
/// many partitions while all the states of one grain share one. The row is the grain key and the state name.
/// Both mappings are injective, so two grains never share a row.
/// </remarks>
internal static class TableKeys
{
    /// <summary>Buckets per grain type. Changing it moves every grain to another partition, so it is fixed.</summary>
    internal const int BucketCount = 256;

    /// <summary>Azure and Azurite both refuse keys longer than this many characters.</summary>
    internal const int MaxKeyLength = 512;

    private const char EscapeChar = '~';

    // Never produced by Escape, which always follows '~' with two hex digits, so the split point is unambiguous.
    private const string RowKeySeparator = "~~";

    /// <summary>The partition of the grain: its escaped type, '_', and its bucket as two hex digits.</summary>
    internal static string PartitionKey(GrainId grainId) =>
        Checked($"{Escape(grainId.Type.ToString()!)}_{Bucket(grainId):x2}", grainId);

    /// <summary>The row of one state of the grain: its escaped key, "~~", and the escaped state name.</summary>
    internal static string RowKey(GrainId grainId, string stateName) =>
        Checked($"{Escape(grainId.Key.ToString())}{RowKeySeparator}{Escape(stateName)}", grainId);

    /// <summary>Replaces the characters Azure forbids in keys (/ \ # ? and control characters), and the escape
    /// character itself, by '~' and two hex digits; every other character is kept, so keys stay readable.</summary>
    internal static string Escape(string value)
    {
        if (!value.Any(MustEscape))
        {
            return value;
        }
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (MustEscape(c))
            {
                escaped.Append(EscapeChar).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }

    // char.IsControl is exactly U+0000–U+001F and U+007F–U+009F, the control ranges Azure forbids: all below U+0100.
    private static bool MustEscape(char c) => c is '/' or '\\' or '#' or '?' or EscapeChar || char.IsControl(c);

    // A hash of our own rather than GrainId.GetUniformHashCode, whose value Orleans does not promise to keep across
    // versions: a changed bucket would strand every stored state.
    private static int Bucket(GrainId grainId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(grainId.ToString()), hash);
        return hash[0] % BucketCount;
    }

    private static string Checked(string key, GrainId grainId) => key.Length <= MaxKeyLength
        ? key
        : throw new ArgumentException(
            $"The table key for a grain of type '{grainId.Type}' would be {key.Length} characters long, " +
            $"over Azure's limit of {MaxKeyLength}: use shorter grain keys.", nameof(grainId));
}
