using Engagement.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace Engagement.Checkpoints;

/// <summary>Makes the states that grains change in memory durable, many per storage request, every
/// <see cref="CheckpointOptions.Interval"/>: checkpoint N holds every change marked before it began.</summary>
/// <remarks>
/// A grain changes its state under the handle's lock, posts the effects of the change, then calls
/// <see cref="MarkDirty"/>, which answers the checkpoint that will hold the change. A checkpoint is durable once every
/// state it took is stored and every effect posted before it began is done (<see cref="SequenceTracker"/>), so an
/// input offset committed behind it never leaves an effect that only the replay of that offset could bring back.
/// A write that fails is tried again in the next checkpoint, and no later checkpoint is durable before it succeeds; a
/// write that finds the row changed by another writer fails that checkpoint's waiters with
/// <see cref="CheckpointConflictException"/> and marks the handle conflicted.
/// </remarks>
public sealed class Checkpointer : IAsyncDisposable
{
    private const int ConflictsRemembered = 1024;

    // How many checkpoints after its own a state still to pack again is tried before it is left to the sweep.
    private const int PackLaterTries = 10;

    private readonly ICheckpointStore _store;
    private readonly SequenceTracker _effects;
    private readonly CheckpointOptions _options;
    private readonly TimeProvider _clock;
    private readonly EngineMetrics _metrics;
    private readonly ILogger<Checkpointer> _logger;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Dictionary<long, TaskCompletionSource> _waiters = [];
    private readonly Queue<long> _conflicted = new();
    private readonly HashSet<CheckpointHandle> _unpacked = new(ReferenceEqualityComparer.Instance);
    private readonly CancellationTokenSource _stopping = new();
    private List<CheckpointHandle> _dirty = [];
    private long _open = 1;
    private long _durable;
    private List<CheckpointHandle> _sweeping = [];
    private Dictionary<CheckpointHandle, int> _packLater = new(ReferenceEqualityComparer.Instance);
    private int _swept;
    private long _sweepStartedAt;
    private Task? _loop;

    /// <summary>Creates the checkpointer; its loop starts with the first change.</summary>
    public Checkpointer(ICheckpointStore store, SequenceTracker effects, IOptions<CheckpointOptions> options, TimeProvider clock,
        EngineMetrics metrics, ILogger<Checkpointer> logger)
    {
        _metrics = metrics;
        _store = store;
        _effects = effects;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _sweepStartedAt = clock.GetTimestamp();
    }

    /// <summary>This checkpointer's id, new in every process: its checkpoint numbers mean something only with it.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The newest checkpoint that is durable, with every one before it.</summary>
    public long Durable
    {
        get
        {
            lock (_gate)
            {
                return _durable;
            }
        }
    }

    /// <summary>Reads the stored state of <paramref name="key"/>, packed until its first use, or creates one, as a
    /// handle to change and checkpoint; <see cref="Forget"/> it when its activation goes.</summary>
    public async Task<CheckpointedState<T>> LoadAsync<T>(string key, Func<T> create, Serializer<T> serializer, CancellationToken cancellation)
        where T : class
    {
        var stored = await _store.ReadAsync(key, cancellation);
        if (stored is not null)
        {
            return new CheckpointedState<T>(key, null, stored.Snapshot, stored.ETag, serializer, Unpacked);
        }
        var created = new CheckpointedState<T>(key, create(), default, null, serializer, Unpacked);
        Unpacked(created);
        return created;
    }

    /// <summary>Stops packing the handle: its activation is gone.</summary>
    public void Forget(CheckpointHandle handle)
    {
        lock (_gate)
        {
            _unpacked.Remove(handle);
        }
    }

    /// <summary>Takes the next part of the sweep that visits every unpacked state once per
    /// <see cref="CheckpointOptions.PackIdleAfter"/> and packs those unused since the last visit whose owner is quiet: as
    /// many states as the share of that period gone by, so the packing is spread over it rather than one burst that holds
    /// the checkpoints up.</summary>
    internal void SweepPart()
    {
        var elapsed = _clock.GetElapsedTime(_sweepStartedAt);
        if (_swept == _sweeping.Count)
        {
            if (elapsed < _options.PackIdleAfter)
            {
                return;
            }
            // The states unpacked from now on wait for the next period.
            (_sweeping, _swept, _sweepStartedAt, elapsed) = (UnpackedNow(), 0, _clock.GetTimestamp(), TimeSpan.Zero);
        }
        var share = Math.Min(1, (elapsed + _options.Interval) / _options.PackIdleAfter);
        var due = Math.Max(_swept, (int)Math.Ceiling(_sweeping.Count * share));
        foreach (var handle in _sweeping.Skip(_swept).Take(due - _swept))
        {
            Pack(handle, static handle => handle.TryPack());
        }
        _swept = due;
        if (_swept == _sweeping.Count)
        {
            _sweeping = [];
            _swept = 0;
        }
    }

    // A copy of the unpacked set (not the Unpacked(handle) that adds to it): the sweep visits it outside the lock.
    private List<CheckpointHandle> UnpackedNow()
    {
        lock (_gate)
        {
            return [.. _unpacked];
        }
    }

    // Under the handle's lock, so that a use unpacking it again cannot come between the packing and the removal; answers
    // whether the state is left unpacked though it awaits packing.
    private bool Pack(CheckpointHandle handle, Func<CheckpointHandle, bool> pack)
    {
        lock (handle.Gate)
        {
            if (pack(handle))
            {
                Forget(handle);
                return false;
            }
            return handle.AwaitsPacking;
        }
    }

    /// <summary>Notes that the handle's state changed; answers the checkpoint that will hold the change.</summary>
    public long MarkDirty(CheckpointHandle handle)
    {
        lock (_gate)
        {
            _loop ??= Task.Run(RunAsync);
            if (handle.DirtyIn is { } already)
            {
                return already;
            }
            handle.DirtyIn = _open;
            _dirty.Add(handle);
            return _open;
        }
    }

    /// <summary>The checkpoint that will hold the handle's latest change, or 0 when it is all stored.</summary>
    public long PendingOf(CheckpointHandle handle)
    {
        lock (_gate)
        {
            return handle.DirtyIn ?? 0;
        }
    }

    /// <summary>Completes when checkpoint <paramref name="checkpoint"/> is durable; fails with
    /// <see cref="CheckpointConflictException"/> when it could not store everything it held.</summary>
    public Task WhenDurableAsync(long checkpoint)
    {
        lock (_gate)
        {
            if (_conflicted.Contains(checkpoint))
            {
                return Task.FromException(new CheckpointConflictException(checkpoint));
            }
            if (checkpoint <= _durable)
            {
                return Task.CompletedTask;
            }
            if (!_waiters.TryGetValue(checkpoint, out var done))
            {
                _waiters[checkpoint] = done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            return done.Task;
        }
    }

    /// <summary>Completes when every one of <paramref name="checkpoints"/> is durable (waiting for the highest covers
    /// the lower ones); fails with <see cref="CheckpointConflictException"/> when any of them lost a state.</summary>
    public async Task WhenAllDurableAsync(IReadOnlyCollection<long> checkpoints)
    {
        await WhenDurableAsync(checkpoints.DefaultIfEmpty().Max());
        lock (_gate)
        {
            if (checkpoints.FirstOrDefault(_conflicted.Contains) is var lost and > 0)
            {
                throw new CheckpointConflictException(lost);
            }
        }
    }

    /// <summary>Names <paramref name="checkpoint"/> as this checkpointer's, to be awaited by <paramref name="customerId"/>'s
    /// <paramref name="activation"/>; <see cref="CheckpointMark.Durable"/> for 0 (nothing to wait for).</summary>
    public CheckpointMark Mark(long checkpoint, string customerId, string activation) =>
        checkpoint == 0 ? CheckpointMark.Durable : new CheckpointMark(Id, checkpoint, customerId, activation);

    /// <summary>Whether <paramref name="activation"/> may apply what follows the change <paramref name="after"/> names:
    /// nothing was pending, it made that change itself, or that change is durable here.</summary>
    public bool Follows(CheckpointMark after, string activation)
    {
        if (after.Checkpoint == 0 || after.Activation == activation)
        {
            return true;
        }
        lock (_gate)
        {
            return after.Checkpointer == Id && after.Checkpoint <= _durable && !_conflicted.Contains(after.Checkpoint);
        }
    }

    /// <summary>Completes with true once <paramref name="checkpoints"/> are durable, when they are this checkpointer's;
    /// with false at once when <paramref name="checkpointer"/> is another's (its process, or its activation, is gone),
    /// or when one of them lost a state.</summary>
    public async Task<bool> WhenDurableAsync(string checkpointer, IReadOnlyCollection<long> checkpoints)
    {
        if (checkpointer != Id)
        {
            return false;
        }
        try
        {
            await WhenAllDurableAsync(checkpoints);
            return true;
        }
        catch (CheckpointConflictException)
        {
            return false;
        }
    }

    /// <summary>Takes one checkpoint now: snapshots the changed states, writes them, waits for the effects posted
    /// before it; answers whether it became durable.</summary>
    public async Task<bool> CheckpointAsync(CancellationToken cancellation)
    {
        await _oneAtATime.WaitAsync(cancellation);
        try
        {
            return await TakeAsync(cancellation);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Stops the loop after a last checkpoint of everything changed.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (HasDirty() && !await CheckpointAsync(deadline.Token))
            {
                await Task.Delay(_options.Interval, _clock, deadline.Token);
            }
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("Stopped with changes not yet durable: they are replayed from the committed offsets");
        }
    }

    private async Task RunAsync()
    {
        var delay = _options.Interval;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, _clock, _stopping.Token);
                delay = await CheckpointAsync(_stopping.Token)
                    ? _options.Interval
                    : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.LongestRetryDelay.Ticks));
                if (_options.PackIdleAfter > TimeSpan.Zero)
                {
                    SweepPart();
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                _logger.LogWarning("A checkpoint failed and is tried again: {Error}", LoggedFailure.Describe(e));
            }
        }
    }

    // Called under the handle's lock: the lock order is the handle's, then the checkpointer's.
    private void Unpacked(CheckpointHandle handle)
    {
        lock (_gate)
        {
            _unpacked.Add(handle);
        }
    }

    private bool HasDirty()
    {
        lock (_gate)
        {
            return _dirty.Count > 0 || _waiters.Count > 0;
        }
    }

    private async Task<bool> TakeAsync(CancellationToken cancellation)
    {
        var started = _clock.GetTimestamp();
        long checkpoint;
        long effectsThrough;
        List<CheckpointHandle> taken;
        lock (_gate)
        {
            checkpoint = _open++;
            taken = _dirty;
            _dirty = [];
            effectsThrough = _effects.Last;
            // Cleared before the snapshots: a change made from here on is marked into the next checkpoint.
            taken.ForEach(handle => handle.DirtyIn = null);
        }
        var writes = new List<CheckpointWrite>(taken.Count);
        foreach (var handle in taken)
        {
            lock (handle.Gate)
            {
                writes.Add(new CheckpointWrite(handle.Key, handle.Snapshot(), handle.ETag));
            }
        }
        var results = await WriteAsync(writes, cancellation);
        var failed = 0;
        var conflicts = 0;
        for (var i = 0; i < taken.Count; i++)
        {
            var (handle, result) = (taken[i], results[i]);
            if (result.ETag is { } etag)
            {
                handle.ETag = etag;
            }
            else if (result.Conflict)
            {
                handle.Conflicted = true;
                conflicts++;
            }
            else
            {
                failed++;
                MarkDirty(handle);
            }
        }
        if (conflicts > 0)
        {
            Lose(checkpoint);
        }
        if (failed > 0)
        {
            _logger.LogWarning("Checkpoint {Checkpoint}: {Failed} of {Count} writes failed ({Error}); they are tried again",
                checkpoint, failed, taken.Count, LoggedFailure.Describe(results.First(r => r.Error is not null).Error!));
            return Took(taken, started, durable: false);
        }
        await _effects.WhenDoneThroughAsync(effectsThrough).WaitAsync(cancellation);
        Complete(checkpoint);
        PackAgain(taken);
        return Took(taken, started, durable: true);
    }

    // Packs again the states this checkpoint made durable with its snapshots, and with snapshots of their own those that
    // earlier checkpoints could not pack; one still not packable is tried at the next checkpoints, then left to the sweep.
    private void PackAgain(List<CheckpointHandle> taken)
    {
        var later = new Dictionary<CheckpointHandle, int>(ReferenceEqualityComparer.Instance);
        foreach (var handle in taken)
        {
            if (Pack(handle, static handle => handle.PackDurable()))
            {
                later[handle] = PackLaterTries;
            }
        }
        foreach (var (handle, triesLeft) in _packLater.Where(waiting => !later.ContainsKey(waiting.Key)))
        {
            if (Pack(handle, static handle => handle.PackSettled()) && triesLeft > 1)
            {
                later[handle] = triesLeft - 1;
            }
        }
        _packLater = later;
    }

    // Only rounds that stored something are timed: the idle ones every interval would hide the real ones.
    private bool Took(List<CheckpointHandle> taken, long started, bool durable)
    {
        if (taken.Count > 0)
        {
            _metrics.CheckpointTaken(_clock.GetElapsedTime(started), durable);
        }
        return durable;
    }

    private async Task<IReadOnlyList<CheckpointWriteResult>> WriteAsync(List<CheckpointWrite> writes, CancellationToken cancellation)
    {
        if (writes.Count == 0)
        {
            return [];
        }
        try
        {
            return await _store.WriteAsync(writes, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return writes.Select(_ => CheckpointWriteResult.Failed(e)).ToList();
        }
    }

    // The checkpoint's waiters fail now, and any that ask later: what they wait for is not stored.
    private void Lose(long checkpoint)
    {
        TaskCompletionSource? lost;
        lock (_gate)
        {
            _conflicted.Enqueue(checkpoint);
            if (_conflicted.Count > ConflictsRemembered)
            {
                _conflicted.Dequeue();
            }
            _waiters.Remove(checkpoint, out lost);
        }
        _logger.LogWarning("Checkpoint {Checkpoint} found a state changed by another writer: its input is replayed", checkpoint);
        lost?.TrySetException(new CheckpointConflictException(checkpoint));
    }

    private void Complete(long checkpoint)
    {
        List<TaskCompletionSource> durable;
        lock (_gate)
        {
            _durable = checkpoint;
            var through = _waiters.Keys.Where(k => k <= checkpoint).ToList();
            durable = through.Select(k => _waiters[k]).ToList();
            through.ForEach(k => _waiters.Remove(k));
        }
        durable.ForEach(done => done.TrySetResult());
    }
}
