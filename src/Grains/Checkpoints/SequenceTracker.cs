namespace Engagement.Checkpoints;

/// <summary>Numbers pieces of work as they start and says when every piece up to a number has ended, whatever the
/// order they end in.</summary>
public sealed class SequenceTracker
{
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _open = [];
    private readonly List<(long Through, TaskCompletionSource Done)> _waiters = [];
    private long _next = 1;

    /// <summary>The number of the newest piece begun; 0 before any.</summary>
    public long Last
    {
        get
        {
            lock (_gate)
            {
                return _next - 1;
            }
        }
    }

    /// <summary>Begins a piece of work and answers its number.</summary>
    public long Begin()
    {
        lock (_gate)
        {
            _open.Add(_next);
            return _next++;
        }
    }

    /// <summary>Ends the piece of work <paramref name="sequence"/>.</summary>
    public void End(long sequence)
    {
        List<TaskCompletionSource> released;
        lock (_gate)
        {
            _open.Remove(sequence);
            if (_waiters.Count == 0)
            {
                return;
            }
            var doneThrough = DoneThrough();
            released = _waiters.Where(w => w.Through <= doneThrough).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => w.Through <= doneThrough);
        }
        released.ForEach(done => done.TrySetResult());
    }

    /// <summary>Completes once every piece numbered up to <paramref name="sequence"/> has ended.</summary>
    public Task WhenDoneThroughAsync(long sequence)
    {
        lock (_gate)
        {
            if (sequence <= DoneThrough())
            {
                return Task.CompletedTask;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((sequence, done));
            return done.Task;
        }
    }

    private long DoneThrough() => (_open.Count > 0 ? _open.Min : _next) - 1;
}
