namespace Engagement.State;

/// <summary>An advisor's book: the customers currently assigned. The inbox lives in <see cref="InboxShardState"/>s beside it.</summary>
[GenerateSerializer, Alias("Engagement.AdvisorState")]
public sealed class AdvisorState
{
    /// <summary>The customers currently assigned.</summary>
    [Id(1)] public HashSet<string> Book { get; set; } = new(StringComparer.Ordinal);
}
