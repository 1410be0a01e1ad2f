using Azure.Data.Tables;
using Engagement.Checkpoints;

namespace Engagement.Silo.Storage;

/// <summary>How a serialized state is laid out in a table entity: Brotli-compressed when that makes it smaller
/// (<see cref="CodecProperty"/> says so), spread over binary properties of at most 64 KiB, Azure's per-property limit.</summary>
internal static class StateEntityCodec
{
    /// <summary>The largest stored state, in bytes. Azure counts binary properties as they are, but Azurite checks the
    /// 1 MiB entity limit against the JSON body, where binary is base64 and a third larger: 720 KiB becomes 960 KiB
    /// there, which leaves 64 KiB for keys and property names.</summary>
    public const int MaxStateBytes = 720 * 1024;

    /// <summary>Azure's limit for one binary property.</summary>
    internal const int ChunkBytes = 64 * 1024;

    /// <summary>The Int32 property holding how many chunk properties follow.</summary>
    internal const string ChunkCountProperty = "Chunks";

    /// <summary>The chunks are the binary properties Data0, Data1, … in order.</summary>
    internal const string ChunkPropertyPrefix = "Data";

    /// <summary>The string property naming the chunks' compression; absent when they hold the serialized state as is.</summary>
    internal const string CodecProperty = "Codec";

    /// <summary>The <see cref="CodecProperty"/> value of Brotli-compressed chunks.</summary>
    internal const string BrotliCodec = "br";

    /// <summary>The Int32 property holding the serialized state's length before compression.</summary>
    internal const string RawLengthProperty = "RawLength";

    private const int MaxChunks = (MaxStateBytes + ChunkBytes - 1) / ChunkBytes;

    /// <summary>The entity holding <paramref name="snapshot"/>, compressed here when it was not and that makes it
    /// smaller, with its stored size; null when that is over <see cref="MaxStateBytes"/>.</summary>
    public static (TableEntity Entity, int Bytes)? Encode(string partitionKey, string rowKey, StateSnapshot snapshot)
    {
        if (!snapshot.Compressed)
        {
            snapshot = StateSnapshot.Of(snapshot.Bytes);
        }
        var bytes = snapshot.Bytes;
        if (bytes.Length > MaxStateBytes)
        {
            return null;
        }
        var entity = new TableEntity(partitionKey, rowKey);
        if (snapshot.Compressed)
        {
            entity[CodecProperty] = BrotliCodec;
            entity[RawLengthProperty] = snapshot.RawLength;
        }
        var chunks = 0;
        for (var offset = 0; offset < bytes.Length; offset += ChunkBytes, chunks++)
        {
            // A state that fits one chunk, as almost all do, is stored from its own array rather than a copy.
            entity[ChunkPropertyPrefix + chunks] = bytes.Length <= ChunkBytes ? bytes : bytes.AsSpan(offset, Math.Min(ChunkBytes, bytes.Length - offset)).ToArray();
        }
        entity[ChunkCountProperty] = chunks;
        return (entity, bytes.Length);
    }

    /// <summary>The snapshot an entity holds, still compressed; <paramref name="unreadable"/> makes the error for one
    /// that is damaged.</summary>
    public static StateSnapshot Decode(TableEntity entity, Func<string, Exception> unreadable)
    {
        var count = entity.GetInt32(ChunkCountProperty);
        if (count is not (> 0 and <= MaxChunks))
        {
            throw unreadable($"its chunk count is {count?.ToString() ?? "missing"}");
        }
        var chunks = new byte[count.Value][];
        for (var i = 0; i < chunks.Length; i++)
        {
            chunks[i] = entity.GetBinary(ChunkPropertyPrefix + i) ?? throw unreadable($"chunk {i} is missing");
        }
        var stored = chunks.Length == 1 ? chunks[0] : chunks.SelectMany(chunk => chunk).ToArray();
        return entity.GetString(CodecProperty) switch
        {
            null => new StateSnapshot(stored, 0),
            BrotliCodec => entity.GetInt32(RawLengthProperty) is > 0 and var rawLength
                ? new StateSnapshot(stored, rawLength)
                : throw unreadable("its raw length is missing"),
            var codec => throw unreadable($"its codec '{codec}' is unknown"),
        };
    }

    /// <summary>The serialized state an entity holds, decompressed; <paramref name="unreadable"/> makes the error for one
    /// that is damaged.</summary>
    public static byte[] DecodeRaw(TableEntity entity, Func<string, Exception> unreadable) =>
        Decode(entity, unreadable).TryRaw() ?? throw unreadable("its compressed chunks do not decompress to their recorded length");
}
