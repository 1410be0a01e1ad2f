namespace Engagement.Rules.Triggers.Explanations;

/// <summary>The values of a <c>lifecycle.decline</c> trigger's <c>reason</c> fact.</summary>
public static class DeclineReasons
{
    /// <summary>No customer-initiated transaction for the whole window.</summary>
    public const string Inactive = "inactive";
    /// <summary>AUM fell by the decline share over the window.</summary>
    public const string AumFall = "aum_fall";
}
