namespace Engagement.State;

/// <summary>The customers to wake within one hour, with the moment each is due.</summary>
[GenerateSerializer, Alias("Engagement.DueBucketState")]
public sealed class DueBucketState
{
    /// <summary>When each customer is due.</summary>
    [Id(0)] public Dictionary<string, DateTimeOffset> Due { get; set; } = new(StringComparer.Ordinal);
}
