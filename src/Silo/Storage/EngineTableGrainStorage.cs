using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Engagement.Checkpoints;
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
/// and spread over binary properties of at most 64 KiB (<see cref="StateEntityCodec"/>); a state whose stored form is
/// over <see cref="StateEntityCodec.MaxStateBytes"/> is refused with <see cref="GrainStateTooLargeException"/>, never
/// truncated.
/// </remarks>
public sealed partial class EngineTableGrainStorage : IGrainStorage
{
    private readonly string _name;
    private readonly LazyTable _table;
    private readonly PartitionWriteBatcher _writes;
    private readonly Serializer _serializer;
    private readonly IActivatorProvider _activators;

    /// <summary>Creates the provider <paramref name="name"/>; the table is created on first use.</summary>
    public EngineTableGrainStorage(string name, EngineTableStorageOptions options, Serializer serializer, IActivatorProvider activators)
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
        _table = new LazyTable(new TableClient(options.ConnectionString, options.TableName, TransactionBodyPolicy.ClientOptions()));
        _writes = new PartitionWriteBatcher(_table.Client);
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
        await _table.ReadyAsync(cancellationToken);
        var stored = await _table.Client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
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
        await _table.ReadyAsync(cancellationToken);
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
        await _table.ReadyAsync(cancellationToken);
        if (grainState.ETag is null)
        {
            // We believe nothing is stored; deleting blindly could erase another writer's state, so only check.
            var stored = await _table.Client.GetEntityIfExistsAsync<TableEntity>(
                partitionKey, rowKey, [StateEntityCodec.ChunkCountProperty], cancellationToken);
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
                await _table.Client.DeleteEntityAsync(partitionKey, rowKey, new ETag(grainState.ETag), cancellationToken);
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
        return StateEntityCodec.Encode(TableKeys.PartitionKey(grainId), TableKeys.RowKey(grainId, stateName), new StateSnapshot(raw, 0))
               ?? throw new GrainStateTooLargeException(grainId.Type.ToString()!, stateName, raw.Length, StateEntityCodec.MaxStateBytes);
    }

    private T Deserialize<T>(TableEntity entity, string stateName, GrainId grainId)
    {
        var bytes = StateEntityCodec.DecodeRaw(entity, why => Unreadable(stateName, grainId, why));
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

    // Orleans' own providers reset to a fresh instance, so a grain never sees null or the previous activation's state.
    private void Reset<T>(IGrainState<T> grainState)
    {
        grainState.State = _activators.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
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
