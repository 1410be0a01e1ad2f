namespace Engagement.Advisors;

/// <summary>One write of an advisor's state: the activation that makes it and its number there (0: nothing to write).</summary>
[GenerateSerializer, Immutable, Alias("Engagement.AdvisorWrite")]
public sealed record AdvisorWrite(
    [property: Id(0)] Guid Activation,
    [property: Id(1)] long Number);
