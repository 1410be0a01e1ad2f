namespace Engagement.Bench;

/// <summary>The garbage collections of a stretch of time and how long they paused the process.</summary>
/// <param name="Collections">How many collections finished in it.</param>
/// <param name="Seen">How many of them were seen one by one (the rest finished between two looks).</param>
/// <param name="Total">The time the process was paused for collections in it, every collection counted.</param>
/// <param name="Longest">The longest pause of a seen collection.</param>
/// <param name="Gen1">How many of the seen ones were gen1 collections.</param>
/// <param name="Gen2">How many of the seen ones were gen2 collections (full or background).</param>
/// <param name="Promoted">The bytes the seen ones promoted (what survived them): what an ephemeral pause mostly costs.</param>
/// <param name="Allocated">The managed bytes the process allocated in it: what sets how often it collects.</param>
public sealed record GcPauses(int Collections, int Seen, TimeSpan Total, TimeSpan Longest, int Gen1, int Gen2, long Promoted,
    long Allocated)
{
    /// <summary>One line for a figure: how much was allocated, how many collections, of which generations, how much
    /// survived, how long in all, the longest.</summary>
    public override string ToString() =>
        $"{Allocated / 1048576.0:N0} MiB allocated, {Collections:N0} collections, {Seen:N0} of them seen ({Gen1:N0} gen1, {Gen2:N0} gen2, " +
        $"{(Seen == 0 ? 0 : Promoted / Seen / 1048576.0):N1} MiB promoted by each on average): " +
        $"paused {Total.TotalMilliseconds:N0} ms in all, longest {Longest.TotalMilliseconds:N1} ms";
}

/// <summary>Watches the runtime's record of its latest collection of each kind, often enough to see every collection,
/// so that a latency figure can be set against the pauses it lived through.</summary>
/// <remarks>The runtime keeps only the latest collection of each kind: one that finishes between two looks at the same
/// kind is missed, and <see cref="GcPauses.Seen"/> says so by falling short of <see cref="GcPauses.Collections"/>. The
/// total pause is the runtime's own count, which misses nothing.</remarks>
public sealed class GcPauseRecorder : IAsyncDisposable
{
    private static readonly GCKind[] Kinds = [GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background];
    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(5);

    private readonly CancellationTokenSource _stop = new();
    // Per kind, the index of the latest collection looked at: indices only grow.
    private readonly long[] _latest = Array.ConvertAll(Kinds, kind => GC.GetGCMemoryInfo(kind).Index);
    private readonly int _collectionsBefore = GC.CollectionCount(0);
    private readonly TimeSpan _pausedBefore = GC.GetTotalPauseDuration();
    private readonly long _allocatedBefore = GC.GetTotalAllocatedBytes();
    private readonly Task _watching;
    private int _seen;
    private TimeSpan _longest;
    private int _gen1;
    private int _gen2;
    private long _promoted;

    private GcPauseRecorder() => _watching = Task.Run(WatchAsync);

    /// <summary>Starts recording.</summary>
    public static GcPauseRecorder Start() => new();

    /// <summary>Stops recording and answers what it saw.</summary>
    public async Task<GcPauses> StopAsync()
    {
        await DisposeAsync();
        Look();
        return new GcPauses(GC.CollectionCount(0) - _collectionsBefore, _seen, GC.GetTotalPauseDuration() - _pausedBefore,
            _longest, _gen1, _gen2, _promoted, GC.GetTotalAllocatedBytes() - _allocatedBefore);
    }

    /// <summary>Stops watching; what was seen stays readable through <see cref="StopAsync"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }
        await _watching;
        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        using var timer = new PeriodicTimer(LookEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Look();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Look()
    {
        for (var k = 0; k < Kinds.Length; k++)
        {
            var info = GC.GetGCMemoryInfo(Kinds[k]);
            if (info.Index <= _latest[k])
            {
                continue;
            }
            _latest[k] = info.Index;
            _seen++;
            var paused = TimeSpan.Zero;
            foreach (var pause in info.PauseDurations)
            {
                paused += pause;
            }
            _longest = paused > _longest ? paused : _longest;
            _gen1 += info.Generation == 1 ? 1 : 0;
            _gen2 += info.Generation == 2 ? 1 : 0;
            _promoted += info.PromotedBytes;
        }
    }
}
