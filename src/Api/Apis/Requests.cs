using System.Text.RegularExpressions;
using Engagement.Triggers;

namespace Engagement.Api.Apis;

/// <summary>The body of <c>POST …/points/redemptions</c>.</summary>
public sealed record RedemptionRequest(string? RedemptionId, long? Points, string? Reason)
{
    /// <summary>What is wrong with the request, or null when it is valid.</summary>
    public string? Problem() =>
        RedemptionId is not { Length: >= 1 and <= 128 } ? "redemptionId is required: 1 to 128 characters."
        : Points is not (> 0 and <= 1_000_000_000) ? "points must be a whole number from 1 to 1,000,000,000."
        : Reason is { Length: > 256 } ? "reason must be at most 256 characters."
        : null;
}

/// <summary>The body of <c>POST …/triggers/{triggerId}/outcome</c>.</summary>
public sealed record OutcomeRequest(OutcomeKind? Outcome, string? Note, decimal? Amount)
{
    /// <summary>What is wrong with the request, or null when it is valid.</summary>
    public string? Problem() =>
        Outcome is null ? "outcome is required: acknowledged, reached, unreached, opportunity, won, lost or dismissed."
        : Note is { Length: > 1000 } ? "note must be at most 1,000 characters."
        : Amount is < 0m ? "amount must not be negative."
        : null;
}

/// <summary>The body of <c>POST /api/rules/backtest</c>: the candidate rule set (the shape of <c>PUT /api/rules</c>) and
/// the window; <c>to</c> defaults to now and <c>from</c> to 30 days before <c>to</c>.</summary>
public sealed record BacktestRequest(System.Text.Json.Nodes.JsonObject? Rules, DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>The window when none is given.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    /// <summary>What is wrong with the request, or null when it is valid.</summary>
    public string? Problem(DateTimeOffset now) =>
        Rules is null ? "rules is required: the candidate rule set, in the shape of PUT /api/rules (figures left out keep the value in force)."
        : (To ?? now) <= (From ?? (To ?? now) - DefaultWindow) ? "from must be before to."
        : null;
}

/// <summary>One line of an advisor's book.</summary>
public sealed record BookEntry(string CustomerId, string? Name, Customers.Tier Tier, decimal Aum, int OpenTriggers);

/// <summary>The effect of maintenance for one trigger type.</summary>
public sealed record TypeMetrics(int Fired, int Reached, int Opportunity, int Won, int Closed, decimal? ContactRate);

/// <summary>The answer to a redemption.</summary>
public sealed record RedemptionAnswerBody(long Balance);

/// <summary>Trigger ids as the engine makes them.</summary>
public static partial class TriggerIdFormat
{
    /// <summary>Whether <paramref name="triggerId"/> has the engine's form.</summary>
    public static bool IsValid(string triggerId) => Pattern().IsMatch(triggerId);

    [GeneratedRegex("^t-[0-9a-f]{24}$")]
    private static partial Regex Pattern();
}
