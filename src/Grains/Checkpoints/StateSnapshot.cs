namespace Engagement.Checkpoints;

/// <summary>A serialized state as a checkpoint stores it and a packed activation holds it: Brotli-compressed when that
/// made it smaller.</summary>
/// <param name="Bytes">The bytes stored.</param>
/// <param name="RawLength">The serialized state's length when <paramref name="Bytes"/> compress it; 0 when they are the
/// serialized state itself.</param>
public readonly record struct StateSnapshot(byte[] Bytes, int RawLength)
{
    /// <summary>Whether <see cref="Bytes"/> are compressed.</summary>
    public bool Compressed => RawLength > 0;

    /// <summary>The snapshot of a serialized state, compressed when that makes it smaller; <paramref name="longLived"/>
    /// when an activation is to keep it packed.</summary>
    public static StateSnapshot Of(byte[] raw, bool longLived = false) =>
        StateCompression.Compress(raw, longLived) is { } compressed ? new StateSnapshot(compressed, raw.Length) : new StateSnapshot(raw, 0);

    /// <summary>The serialized state; null when the bytes do not decompress to <see cref="RawLength"/>.</summary>
    public byte[]? TryRaw() => Compressed ? StateCompression.Decompress(Bytes, RawLength) : Bytes;

    /// <summary>The serialized state; throws when the bytes do not decompress to <see cref="RawLength"/>.</summary>
    public byte[] Raw() => TryRaw() ?? throw new InvalidDataException("A stored state does not decompress to its recorded length.");
}
