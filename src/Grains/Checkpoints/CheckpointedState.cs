using Orleans.Serialization;

namespace Engagement.Checkpoints;

/// <summary>A state kept in memory and made durable by the <see cref="Checkpointer"/>; while unused it is held packed,
/// as the bytes of its last snapshot, and unpacked by the next use.</summary>
/// <remarks>Every use goes through <see cref="State"/>, which marks the state used: bytes taken before a use may be
/// stale, so packing takes a new snapshot then, and a state used since the last sweep stays unpacked.</remarks>
public sealed class CheckpointedState<T> : CheckpointHandle where T : class
{
    private readonly Serializer<T> _serializer;
    private readonly Action<CheckpointHandle> _unpacked;
    private T? _state;
    private byte[]? _bytes;
    private bool _usedSinceBytes;
    private bool _usedSinceSweep;

    internal CheckpointedState(string key, T? state, byte[]? bytes, string? etag, Serializer<T> serializer, Action<CheckpointHandle> unpacked)
        : base(key, etag)
    {
        (_state, _bytes, _serializer, _unpacked) = (state, bytes, serializer, unpacked);
        _usedSinceBytes = bytes is null;
    }

    /// <summary>The live state, unpacked if it was packed; use and change it only under <see cref="CheckpointHandle.Gate"/>.</summary>
    public T State
    {
        get
        {
            if (_state is null)
            {
                _state = _serializer.Deserialize(_bytes!)!;
                _unpacked(this);
            }
            _usedSinceBytes = _usedSinceSweep = true;
            return _state;
        }
    }

    /// <summary>Whether the state is held as bytes only.</summary>
    public bool Packed => _state is null;

    /// <summary>A deep copy of the state, taken without unpacking it; call under <see cref="CheckpointHandle.Gate"/>.</summary>
    public T Copy() => _serializer.Deserialize(Serialize())!;

    /// <inheritdoc />
    protected internal override byte[] Serialize()
    {
        if (_state is not null && _usedSinceBytes)
        {
            _bytes = _serializer.SerializeToArray(_state);
            _usedSinceBytes = false;
        }
        return _bytes!;
    }

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
        Serialize();
        _state = null;
        return true;
    }
}
