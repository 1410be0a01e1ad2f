namespace Engagement.Advisors;

/// <summary>An advisor's day: what is open, what was pushed live against the cap and what went to the digest.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.AdvisorWorkload")]
public sealed record AdvisorWorkload(
    [property: Id(0)] string AdvisorId,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] int Customers,
    [property: Id(3)] int OpenTriggers,
    [property: Id(4)] int PushedLive,
    [property: Id(5)] int Cap,
    [property: Id(6)] int Digest);
