namespace Engagement.State;

/// <summary>What a customer already applied: per-partition offset watermarks and a bounded set of recent eventIds.</summary>
[GenerateSerializer, Alias("Engagement.AppliedEvents")]
public sealed class AppliedEvents
{
    [NonSerialized]
    private HashSet<string>? _recentSet;

    /// <summary>The highest offset applied, by cluster/topic/partition.</summary>
    [Id(0)] public Dictionary<string, long> Watermarks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The most recent eventIds applied, oldest first.</summary>
    [Id(1)] public Queue<string> Recent { get; set; } = new();

    /// <summary>Whether the event was applied before, by its offset or its eventId.</summary>
    public bool Contains(Events.CustomerEvent e) =>
        (e.Source is { } s && Watermarks.TryGetValue(s.PartitionKey, out var mark) && s.Offset <= mark)
        || RecentSet.Contains(e.EventId);

    /// <summary>Marks the event applied, forgetting the oldest eventId beyond <paramref name="keep"/>.</summary>
    public void Add(Events.CustomerEvent e, int keep)
    {
        if (e.Source is { } s)
        {
            Watermarks[s.PartitionKey] = Math.Max(s.Offset, Watermarks.GetValueOrDefault(s.PartitionKey, -1));
        }
        if (RecentSet.Add(e.EventId))
        {
            Recent.Enqueue(e.EventId);
        }
        while (Recent.Count > keep)
        {
            RecentSet.Remove(Recent.Dequeue());
        }
    }

    /// <summary>Whether the eventId is among the recent ones.</summary>
    public bool ContainsEventId(string eventId) => RecentSet.Contains(eventId);

    private HashSet<string> RecentSet => _recentSet ??= new HashSet<string>(Recent, StringComparer.Ordinal);
}
