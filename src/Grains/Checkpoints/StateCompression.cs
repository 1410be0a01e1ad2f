using System.Buffers;
using System.IO.Compression;

namespace Engagement.Checkpoints;

/// <summary>Brotli for serialized states, in table rows and in packed activations.</summary>
public static class StateCompression
{
    // A recorded length past this is corruption, not a state: refused rather than allocated.
    private const int MaxRawBytes = 64 * 1024 * 1024;

    // Quality 1 of 11: most of Brotli's gain on the repetitive state (trigger texts, ids, type names) for a few
    // microseconds per kilobyte; a 22-bit window covers the largest state we store.
    private const int Quality = 1;
    private const int Window = 22;

    /// <summary>The compressed bytes; null when compression would not make them smaller (small or random-looking states).
    /// <paramref name="longLived"/> bytes (a packed activation's) go straight to the heap no ephemeral collection copies.</summary>
    public static byte[]? Compress(byte[] raw, bool longLived = false)
    {
        // The scratch buffer is pooled: only the compressed bytes are kept.
        var scratch = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            if (!BrotliEncoder.TryCompress(raw, scratch.AsSpan(0, raw.Length), out var written, Quality, Window) || written >= raw.Length)
            {
                return null;
            }
            // The pinned object heap is collected with generation 2 only: bytes a packed state keeps for seconds or hours
            // would otherwise be copied by the one or two ephemeral collections they outlive, and each copy lengthens a
            // pause that stops every customer.
            var compressed = longLived ? GC.AllocateUninitializedArray<byte>(written, pinned: true) : new byte[written];
            scratch.AsSpan(0, written).CopyTo(compressed);
            return compressed;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>The <paramref name="rawLength"/> bytes <paramref name="compressed"/> holds; null when it does not hold that many.</summary>
    public static byte[]? Decompress(byte[] compressed, int rawLength)
    {
        if (rawLength is not (> 0 and <= MaxRawBytes))
        {
            return null;
        }
        var raw = new byte[rawLength];
        return BrotliDecoder.TryDecompress(compressed, raw, out var written) && written == raw.Length ? raw : null;
    }
}
