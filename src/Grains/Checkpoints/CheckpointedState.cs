using Orleans.Serialization;

namespace Engagement.Checkpoints;

/// <summary>A state kept in memory and made durable by the <see cref="Checkpointer"/>; while unused it is held packed,
/// as a compressed snapshot, and unpacked by the next use.</summary>
/// <remarks>Every use goes through <see cref="State"/>, which marks the state used: a state used since the last sweep
/// stays unpacked. Packing takes a snapshot of its own, so whatever changed since the last checkpoint is packed with
/// the state; an unpacked state holds no bytes.</remarks>
public sealed class CheckpointedState<T> : CheckpointHandle where T : class
{
    private readonly Serializer<T> _serializer;
    private readonly Action<CheckpointHandle> _unpacked;
    private T? _state;
    private byte[]? _bytes;
    // The length of the snapshot _bytes compresses; 0 when _bytes is the snapshot itself.
    private int _rawLength;
    private bool _usedSinceSweep;

    internal CheckpointedState(string key, T? state, byte[]? bytes, string? etag, Serializer<T> serializer, Action<CheckpointHandle> unpacked)
        : base(key, etag)
    {
        (_state, _bytes, _serializer, _unpacked) = (state, bytes, serializer, unpacked);
    }

    /// <summary>The live state, unpacked if it was packed; use and change it only under <see cref="CheckpointHandle.Gate"/>.</summary>
    public T State
    {
        get
        {
            if (_state is null)
            {
                _state = _serializer.Deserialize(Snapshot())!;
                _bytes = null;
                _unpacked(this);
            }
            _usedSinceSweep = true;
            return _state;
        }
    }

    /// <summary>Whether the state is held as bytes only.</summary>
    public bool Packed => _state is null;

    /// <summary>The bytes a packed state takes; 0 when it is unpacked.</summary>
    public int PackedBytes => _state is null ? _bytes!.Length : 0;

    /// <summary>A deep copy of the state, taken without unpacking it; call under <see cref="CheckpointHandle.Gate"/>.</summary>
    public T Copy() => _serializer.Deserialize(Serialize())!;

    /// <inheritdoc />
    protected internal override byte[] Serialize() => _state is null ? Snapshot() : _serializer.SerializeToArray(_state);

    /// <inheritdoc />
    protected internal override bool TryPack()
    {
        if (_state is null)
        {
            return true;
        }
        if (_usedSinceSweep || !Quiet())
        {
            _usedSinceSweep = false;
            return false;
        }
        var snapshot = _serializer.SerializeToArray(_state);
        var compressed = StateCompression.Compress(snapshot);
        (_bytes, _rawLength) = compressed is null ? (snapshot, 0) : (compressed, snapshot.Length);
        _state = null;
        return true;
    }

    private byte[] Snapshot() => _rawLength == 0
        ? _bytes!
        : StateCompression.Decompress(_bytes!, _rawLength) ?? throw new InvalidOperationException("A packed state does not decompress to its recorded length.");
}
