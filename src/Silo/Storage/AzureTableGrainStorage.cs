using System.Buffers;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Engagement.Silo.Storage;

/// <summary>Orleans grain storage on Azure Table Storage (or Azurite): one entity per grain state, written with
/// optimistic concurrency on its ETag.</summary>
/// <remarks>
/// Writes that share a partition and arrive while another is in flight there go together as one entity group
/// transaction (<see cref="PartitionWriteBatcher"/>); each still returns only once stored.
/// A stale ETag surfaces as <see cref="InconsistentStateException"/> and is never retried here: the grain must re-read
/// and re-apply. The state is serialized with Orleans' binary serializer, Brotli-compressed when that makes it smaller
/// (<see cref="CodecProperty"/> says so), and spread over binary properties of at most 64 KiB, Azure's per-property
/// limit; a state whose stored form is over <see cref="MaxStateBytes"/> is refused with
/// <see cref="GrainStateTooLargeException"/>, never truncated.
/// </remarks>
public sealed partial class AzureTableGrainStorage : IGrainStorage
{
    /// <summary>The largest serialized state written, in bytes. Azure counts binary properties as they are, but Azurite
    /// checks the 1 MiB entity limit against the JSON body, where binary is base64 and a third larger: 720 KiB becomes
    /// 960 KiB there, which leaves 64 KiB for keys and property names.</summary>
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

    // A recorded length past this is corruption, not a state: refuse it rather than allocate it.
    private const int MaxRawBytes = 64 * 1024 * 1024;

    // Quality 1 of 11: most of Brotli's gain on the repetitive state (trigger texts, ids, type names) for a few
    // microseconds per kilobyte; a 22-bit window covers the largest state we store.
    private const int BrotliQuality = 1;
    private const int BrotliWindow = 22;

    private readonly string _name;
    private readonly TableClient _table;
    private readonly PartitionWriteBatcher _writes;
    private readonly Serializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly Lock _tableGate = new();
    private Task? _tableCreated;

    /// <summary>Creates the provider <paramref name="name"/>; the table is created on first use.</summary>
    public AzureTableGrainStorage(string name, AzureTableStorageOptions options, Serializer serializer, IActivatorProvider activators)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException($"Grain storage '{name}': the connection string is empty.", nameof(options));
        }
        if (!TableNamePattern().IsMatch(options.TableName))
        {
            throw new ArgumentException(
                $"Grain storage '{name}': '{options.TableName}' is not a valid table name " +
                "(3 to 63 letters and digits, starting with a letter).", nameof(options));
        }
        _name = name;
        _table = new TableClient(options.ConnectionString, options.TableName);
        _writes = new PartitionWriteBatcher(_table);
        _serializer = serializer;
        _activators = activators;
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var (partitionKey, rowKey) = (TableKeys.PartitionKey(grainId), TableKeys.RowKey(grainId, stateName));
        await EnsureTableAsync(cancellationToken);
        var stored = await _table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        if (!stored.HasValue)
        {
            Reset(grainState);
            return;
        }
        var entity = stored.Value!;
        grainState.State = Deserialize<T>(entity, stateName, grainId);
        grainState.ETag = entity.ETag.ToString();
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var (entity, bytes) = Serialize(grainState.State, stateName, grainId);
        await EnsureTableAsync(cancellationToken);
        try
        {
            grainState.ETag = (await _writes.WriteAsync(entity, grainState.ETag is { } etag ? new ETag(etag) : null, bytes)).ToString();
        }
        // An add finds the row taken (409), or a replace finds it changed (412) or cleared (404): another writer won.
        catch (RequestFailedException e) when (grainState.ETag is null ? e.Status == 409 : e.Status is 412 or 404)
        {
            throw Conflict("write", stateName, grainId, grainState.ETag, e);
        }
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var (partitionKey, rowKey) = (TableKeys.PartitionKey(grainId), TableKeys.RowKey(grainId, stateName));
        await EnsureTableAsync(cancellationToken);
        if (grainState.ETag is null)
        {
            // We believe nothing is stored; deleting blindly could erase another writer's state, so only check.
            var stored = await _table.GetEntityIfExistsAsync<TableEntity>(
                partitionKey, rowKey, [ChunkCountProperty], cancellationToken);
            if (stored.HasValue)
            {
                throw Conflict("clear", stateName, grainId, null, null);
            }
        }
        else
        {
            try
            {
                // A missing entity is not an error for DeleteEntity: it is already in the state we want.
                await _table.DeleteEntityAsync(partitionKey, rowKey, new ETag(grainState.ETag), cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                throw Conflict("clear", stateName, grainId, grainState.ETag, e);
            }
        }
        Reset(grainState);
    }

    private (TableEntity Entity, int Bytes) Serialize<T>(T state, string stateName, GrainId grainId)
    {
        var raw = _serializer.SerializeToArray(state);
        var compressed = Compress(raw);
        var bytes = compressed ?? raw;
        if (bytes.Length > MaxStateBytes)
        {
            throw new GrainStateTooLargeException(grainId.Type.ToString()!, stateName, bytes.Length, MaxStateBytes);
        }
        var entity = new TableEntity(TableKeys.PartitionKey(grainId), TableKeys.RowKey(grainId, stateName));
        if (compressed is not null)
        {
            entity[CodecProperty] = BrotliCodec;
            entity[RawLengthProperty] = raw.Length;
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

    private T Deserialize<T>(TableEntity entity, string stateName, GrainId grainId)
    {
        var count = entity.GetInt32(ChunkCountProperty);
        if (count is not (> 0 and <= MaxChunks))
        {
            throw Unreadable(stateName, grainId, $"its chunk count is {count?.ToString() ?? "missing"}");
        }
        var chunks = new byte[count.Value][];
        for (var i = 0; i < chunks.Length; i++)
        {
            chunks[i] = entity.GetBinary(ChunkPropertyPrefix + i) ?? throw Unreadable(stateName, grainId, $"chunk {i} is missing");
        }
        var stored = chunks.Length == 1 ? chunks[0] : chunks.SelectMany(chunk => chunk).ToArray();
        var bytes = entity.GetString(CodecProperty) switch
        {
            null => stored,
            BrotliCodec => Decompress(stored, entity.GetInt32(RawLengthProperty))
                           ?? throw Unreadable(stateName, grainId, "its compressed chunks do not decompress to their recorded length"),
            var codec => throw Unreadable(stateName, grainId, $"its codec '{codec}' is unknown"),
        };
        try
        {
            // A null state was written as null; the grain gets a fresh instance, as it would with no record.
            return _serializer.Deserialize<T>(bytes) ?? _activators.GetActivator<T>().Create();
        }
        catch (Exception e)
        {
            throw Unreadable(stateName, grainId, $"it does not deserialize as {typeof(T).Name}", e);
        }
    }

    // Null when compression would not make the state smaller (small or random-looking states).
    // The scratch buffer is pooled: this runs on every write, and only the compressed bytes are kept.
    private static byte[]? Compress(byte[] raw)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            return BrotliEncoder.TryCompress(raw, scratch.AsSpan(0, raw.Length), out var written, BrotliQuality, BrotliWindow) && written < raw.Length
                ? scratch.AsSpan(0, written).ToArray()
                : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static byte[]? Decompress(byte[] stored, int? rawLength)
    {
        if (rawLength is not (> 0 and <= MaxRawBytes))
        {
            return null;
        }
        var raw = new byte[rawLength.Value];
        return BrotliDecoder.TryDecompress(stored, raw, out var written) && written == raw.Length ? raw : null;
    }

    // Orleans' own providers reset to a fresh instance, so a grain never sees null or the previous activation's state.
    private void Reset<T>(IGrainState<T> grainState)
    {
        grainState.State = _activators.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        lock (_tableGate)
        {
            // A failed attempt is not kept, so the next call tries again (Azurite may still have been starting).
            if (_tableCreated is null || _tableCreated.IsFaulted || _tableCreated.IsCanceled)
            {
                _tableCreated = _table.CreateIfNotExistsAsync(CancellationToken.None);
            }
            return _tableCreated.WaitAsync(cancellationToken);
        }
    }

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag, Exception? inner)
    {
        // The grain type, not the id: a customer's id stays out of exception messages and therefore out of logs.
        var message = $"Grain storage '{_name}': the {operation} of state '{stateName}' of a '{grainId.Type}' grain lost an optimistic " +
                      $"concurrency check (ETag {etag ?? "none"}): another writer changed it. Re-read the state and re-apply.";
        return inner is null
            ? new InconsistentStateException(message, "Unknown", etag ?? "none")
            : new InconsistentStateException(message, "Unknown", etag ?? "none", inner);
    }

    private InvalidDataException Unreadable(string stateName, GrainId grainId, string why, Exception? inner = null) =>
        new($"Grain storage '{_name}': the stored state '{stateName}' of a '{grainId.Type}' grain is unreadable: {why}.", inner);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();
}
