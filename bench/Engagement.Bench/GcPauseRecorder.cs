namespace Engagement.Bench;

/// <summary>The garbage collections of a stretch of time and how long each paused the process.</summary>
/// <param name="Collections">How many collections finished in it.</param>
/// <param name="Seen">How many of them were seen with their pauses (the rest finished between two looks).</param>
/// <param name="Total">Their pauses added up.</param>
/// <param name="Longest">The longest single pause.</param>
/// <param name="Gen1">How many of the seen ones were gen1 collections.</param>
/// <param name="Gen2">How many of the seen ones were gen2 collections (full or background).</param>
/// <param name="Promoted">The bytes the seen ones promoted (what survived them): what an ephemeral pause mostly costs.</param>
public sealed record GcPauses(int Collections, int Seen, TimeSpan Total, TimeSpan Longest, int Gen1, int Gen2, long Promoted)
{
    /// <summary>One line for a figure: how many, of which generations, how much survived, how long in all, the longest.</summary>
    public override string ToString() =>
        $"{Collections:N0} collections, {Seen:N0} of them seen ({Gen1:N0} gen1, {Gen2:N0} gen2, " +
        $"{(Seen == 0 ? 0 : Promoted / Seen / 1048576.0):N1} MiB promoted by each on average): " +
        $"paused {Total.TotalMilliseconds:N0} ms in all, longest {Longest.TotalMilliseconds:N1} ms";
}

/// <summary>Watches the runtime's record of its latest collection of each kind, often enough to see every pause, so
/// that a latency figure can be set against the pauses it lived through.</summary>
/// <remarks>The runtime keeps only the latest collection of each kind: one that finishes between two looks at the same
/// kind is missed, and <see cref="GcPauses.Seen"/> says so by falling short of <see cref="GcPauses.Collections"/>.</remarks>
public sealed class GcPauseRecorder : IAsyncDisposable
{
    private static readonly GCKind[] Kinds = [GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background];
    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<long> _seen = [];
    private readonly int _collectionsBefore = GC.CollectionCount(0);
    private readonly Task _watching;
    private int _seenSince;
    private TimeSpan _total;
    private TimeSpan _longest;
    private int _gen1;
    private int _gen2;
    private long _promoted;

    private GcPauseRecorder()
    {
        foreach (var kind in Kinds)
        {
            _seen.Add(GC.GetGCMemoryInfo(kind).Index);
        }
        _watching = Task.Run(WatchAsync);
    }

    /// <summary>Starts recording.</summary>
    public static GcPauseRecorder Start() => new();

    /// <summary>Stops recording and answers what it saw.</summary>
    public async Task<GcPauses> StopAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        Look();
        return new GcPauses(GC.CollectionCount(0) - _collectionsBefore, _seenSince, _total, _longest, _gen1, _gen2, _promoted);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
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
        foreach (var kind in Kinds)
        {
            var info = GC.GetGCMemoryInfo(kind);
            if (!_seen.Add(info.Index))
            {
                continue;
            }
            _seenSince++;
            var paused = TimeSpan.Zero;
            foreach (var pause in info.PauseDurations)
            {
                paused += pause;
            }
            _total += paused;
            _longest = paused > _longest ? paused : _longest;
            _gen1 += info.Generation == 1 ? 1 : 0;
            _gen2 += info.Generation == 2 ? 1 : 0;
            _promoted += info.PromotedBytes;
        }
    }
}
