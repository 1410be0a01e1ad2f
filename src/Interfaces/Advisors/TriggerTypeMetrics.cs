namespace Engagement.Advisors;

/// <summary>The effect of maintenance for one trigger type: contact rate = reached ÷ closed.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.TriggerTypeMetrics")]
public sealed record TriggerTypeMetrics(
    [property: Id(0)] string Type,
    [property: Id(1)] int Fired,
    [property: Id(2)] int Reached,
    [property: Id(3)] int Opportunity,
    [property: Id(4)] int Won,
    [property: Id(5)] int Closed,
    [property: Id(6)] decimal? ContactRate);
