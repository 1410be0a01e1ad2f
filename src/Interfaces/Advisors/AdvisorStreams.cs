namespace Engagement.Advisors;

/// <summary>The Orleans stream that carries each advisor's new and changed triggers, live.</summary>
public static class AdvisorStreams
{
    /// <summary>The stream provider's name.</summary>
    public const string Provider = "triggers";

    /// <summary>The stream namespace; the stream key is the advisor id.</summary>
    public const string Namespace = "advisor-triggers";
}
