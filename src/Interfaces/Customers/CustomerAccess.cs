namespace Engagement.Customers;

/// <summary>Whether a customer exists and who their advisor is: what authorization needs.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.CustomerAccess")]
public sealed record CustomerAccess(
    [property: Id(0)] bool Exists,
    [property: Id(1)] string? AdvisorId);
