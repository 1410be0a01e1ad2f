using Orleans.Serialization;

namespace Engagement.Checkpoints;

/// <summary>A state kept in memory and made durable by the <see cref="Checkpointer"/>; while unused it is held packed,
/// as a compressed snapshot, and unpacked by the next use.</summary>
/// <remarks>Every use goes through <see cref="State"/>, which marks the state used: a state used since the last sweep
/// stays unpacked. Packing takes a snapshot of its own, so whatever changed since the last checkpoint is packed with
/// the state; an unpacked state holds no bytes. A state that a use unpacks (after its load, the sweep or a checkpoint
/// packed it) is packed again with the snapshot of the checkpoint that makes the use's change durable, when nothing
/// used it since that snapshot and its owner is quiet, or else by one of the next checkpoints with a snapshot of its
/// own once its owner is quiet: its objects then die young rather than outlive collections until a sweep finds them,
/// which costs the pauses of every collection more than unpacking a busy customer again costs it. Only a state created
/// in memory waits for the sweep.</remarks>
public sealed class CheckpointedState<T> : CheckpointHandle where T : class
{
    private readonly Serializer<T> _serializer;
    private readonly Action<CheckpointHandle> _unpacked;
    private T? _state;
    private StateSnapshot _packed;
    // Once held packed (as loaded, or packed since), a state is packed again after every use that unpacks it.
    private bool _packAgain;
    private bool _usedSinceSweep;
    // Counts every use: a snapshot may replace the state only while no use came after it.
    private long _uses;
    private StateSnapshot? _toPack;
    private long _usesAtSnapshot;

    internal CheckpointedState(string key, T? state, StateSnapshot packed, string? etag, Serializer<T> serializer,
        Action<CheckpointHandle> unpacked)
        : base(key, etag)
    {
        (_state, _packed, _serializer, _unpacked, _packAgain) = (state, packed, serializer, unpacked, state is null);
    }

    /// <summary>The live state, unpacked if it was packed; use and change it only under <see cref="CheckpointHandle.Gate"/>.</summary>
    public T State
    {
        get
        {
            if (_state is null)
            {
                _state = _serializer.Deserialize(_packed.Raw())!;
                _packed = default;
                _unpacked(this);
            }
            _usedSinceSweep = true;
            _uses++;
            return _state;
        }
    }

    /// <summary>Whether the state is held as bytes only.</summary>
    public bool Packed => _state is null;

    /// <summary>The bytes a packed state takes; 0 when it is unpacked.</summary>
    public int PackedBytes => _state is null ? _packed.Bytes.Length : 0;

    /// <summary>A deep copy of the state, taken without unpacking it; call under <see cref="CheckpointHandle.Gate"/>.</summary>
    public T Copy() => _serializer.Deserialize(_state is null ? _packed.Raw() : _serializer.SerializeToArray(_state))!;

    /// <inheritdoc />
    protected internal override StateSnapshot Snapshot()
    {
        if (_state is null)
        {
            return _packed;
        }
        var raw = _serializer.SerializeToArray(_state);
        if (!_packAgain)
        {
            _toPack = null;
            return new StateSnapshot(raw, 0);
        }
        var snapshot = StateSnapshot.Of(raw, longLived: true);
        (_toPack, _usesAtSnapshot) = (snapshot, _uses);
        return snapshot;
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
        PackFresh(_state);
        return true;
    }

    /// <inheritdoc />
    protected internal override bool PackDurable()
    {
        var snapshot = _toPack;
        _toPack = null;
        if (snapshot is null || _state is null || _uses != _usesAtSnapshot || !Quiet())
        {
            return false;
        }
        Pack(snapshot.Value);
        return true;
    }

    /// <inheritdoc />
    protected internal override bool AwaitsPacking => _state is not null && _packAgain;

    /// <inheritdoc />
    protected internal override bool PackSettled()
    {
        if (!AwaitsPacking || !Quiet())
        {
            return false;
        }
        PackFresh(_state!);
        return true;
    }

    // Packs the state as it is now, with a snapshot of its own.
    private void PackFresh(T state) => Pack(StateSnapshot.Of(_serializer.SerializeToArray(state), longLived: true));

    private void Pack(StateSnapshot snapshot)
    {
        (_packed, _state, _packAgain, _toPack) = (snapshot, null, true, null);
    }
}
