using Orleans.Serialization;

namespace Engagement.Checkpoints;

/// <summary>A state kept in memory and made durable by the <see cref="Checkpointer"/>.</summary>
public sealed class CheckpointedState<T>(string key, T state, string? etag, Serializer<T> serializer) : CheckpointHandle(key, etag)
{
    /// <summary>The live state; change it only under <see cref="CheckpointHandle.Gate"/>.</summary>
    public T State => state;

    /// <inheritdoc />
    protected internal override byte[] Serialize() => serializer.SerializeToArray(state);
}
