using System.Collections.Concurrent;
using System.Globalization;

namespace Engagement.Checkpoints;

/// <summary>Customer checkpoints in process memory, with the same concurrency checks as the table: for the
/// benchmark's in-memory run and for tests; lost on restart.</summary>
public sealed class MemoryCheckpointStore : ICheckpointStore
{
    private readonly ConcurrentDictionary<string, StoredCheckpoint> _rows = new(StringComparer.Ordinal);
    private long _version;

    /// <inheritdoc />
    public Task<StoredCheckpoint?> ReadAsync(string key, CancellationToken cancellation) =>
        Task.FromResult(_rows.GetValueOrDefault(key));

    /// <inheritdoc />
    public Task<IReadOnlyList<CheckpointWriteResult>> WriteAsync(IReadOnlyList<CheckpointWrite> writes, CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyList<CheckpointWriteResult>>(writes.Select(Write).ToList());

    private CheckpointWriteResult Write(CheckpointWrite write)
    {
        var stored = new StoredCheckpoint(write.Snapshot, Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture));
        var written = write.ETag is null
            ? _rows.TryAdd(write.Key, stored)
            : _rows.TryGetValue(write.Key, out var known) && known.ETag == write.ETag && _rows.TryUpdate(write.Key, stored, known);
        return written ? CheckpointWriteResult.Stored(stored.ETag) : CheckpointWriteResult.Lost();
    }
}
