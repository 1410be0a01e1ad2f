namespace Engagement.Checkpoints;

/// <summary>Where checkpointed states live: read one at activation, write many per request at a checkpoint.</summary>
public interface ICheckpointStore
{
    /// <summary>The stored snapshot and ETag of <paramref name="key"/>, or null when nothing is stored.</summary>
    Task<StoredCheckpoint?> ReadAsync(string key, CancellationToken cancellation);

    /// <summary>Writes every state (an add when its ETag is null, else a replace if the ETag still matches); answers
    /// one result per write, in order. Throws only when nothing could be attempted.</summary>
    Task<IReadOnlyList<CheckpointWriteResult>> WriteAsync(IReadOnlyList<CheckpointWrite> writes, CancellationToken cancellation);
}

/// <summary>A state as stored.</summary>
public sealed record StoredCheckpoint(StateSnapshot Snapshot, string ETag);

/// <summary>One state to write, with the ETag it was read or last written with.</summary>
public sealed record CheckpointWrite(string Key, StateSnapshot Snapshot, string? ETag);

/// <summary>What became of one write: its new ETag, a lost concurrency check, or another failure (retried).</summary>
public readonly record struct CheckpointWriteResult(string? ETag, bool Conflict, Exception? Error)
{
    /// <summary>The write is stored under <paramref name="etag"/>.</summary>
    public static CheckpointWriteResult Stored(string etag) => new(etag, false, null);

    /// <summary>Another writer changed the row: the in-memory state is stale.</summary>
    public static CheckpointWriteResult Lost() => new(null, true, null);

    /// <summary>The write failed for another reason and is tried again at the next checkpoint.</summary>
    public static CheckpointWriteResult Failed(Exception error) => new(null, false, error);
}
