using System.Text.Json.Serialization;
using Engagement.Customers;

namespace Engagement.Rules;

/// <summary>The business rules' figures (SPEC §3 defaults), bound from the <c>Rules</c> configuration section; the figures
/// are part of the versioned rule set (<see cref="RuleSetDocument"/>), the history bounds stay in configuration.</summary>
public sealed class RuleSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Rules";

    /// <summary>AUM from which a customer is <c>wealth</c>.</summary>
    public decimal WealthThreshold { get; set; } = 500_000m;
    /// <summary>AUM from which a customer is <c>private</c>.</summary>
    public decimal PrivateThreshold { get; set; } = 6_000_000m;
    /// <summary>How long a tier is kept after AUM falls below its threshold.</summary>
    public TimeSpan DowngradeGrace { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Points per unit of money spent in a card purchase.</summary>
    public decimal CardPurchaseRate { get; set; } = 0.1m;
    /// <summary>Points per unit of money invested.</summary>
    public decimal InvestmentRate { get; set; } = 0.01m;
    /// <summary>Points multiplier for <c>standard</c> customers.</summary>
    public decimal StandardMultiplier { get; set; } = 1.0m;
    /// <summary>Points multiplier for <c>wealth</c> customers.</summary>
    public decimal WealthMultiplier { get; set; } = 1.5m;
    /// <summary>Points multiplier for <c>private</c> customers.</summary>
    public decimal PrivateMultiplier { get; set; } = 2.0m;
    /// <summary>Points expire at the end of the month this many months after the month they were earned in.</summary>
    public int PointsLifetimeMonths { get; set; } = 24;

    /// <summary>The window over which the life-cycle stage compares AUM, and the inactivity that means decline.</summary>
    public TimeSpan LifecycleWindow { get; set; } = TimeSpan.FromDays(90);
    /// <summary>AUM change (per cent) from which the stage is <c>growth</c>.</summary>
    public decimal GrowthFromPct { get; set; } = 20m;
    /// <summary>AUM change (per cent) from which the stage is <c>mature</c>.</summary>
    public decimal MatureFromPct { get; set; } = 5m;
    /// <summary>AUM change (per cent) at or below which the stage is <c>decline</c>.</summary>
    public decimal DeclineAtPct { get; set; } = -20m;

    /// <summary>How many recent eventIds a customer remembers besides its offset watermarks.</summary>
    [JsonIgnore]
    public int RecentEventIdsKept { get; set; } = 256;
    /// <summary>How many ledger entries stay in the customer's state; older ones move to the ledger archive.</summary>
    [JsonIgnore]
    public int LedgerEntriesKept { get; set; } = 50;
    /// <summary>How many redemption answers are remembered for idempotent retries.</summary>
    [JsonIgnore]
    public int RedemptionsKept { get; set; } = 1000;
    /// <summary>How many earning events are remembered for exact reversal.</summary>
    [JsonIgnore]
    public int EarningsKept { get; set; } = 1000;

    /// <summary>The AUM threshold of a tier.</summary>
    public decimal ThresholdOf(Tier tier) => tier switch
    {
        Tier.Private => PrivateThreshold,
        Tier.Wealth => WealthThreshold,
        _ => 0m,
    };

    /// <summary>The points multiplier of a tier.</summary>
    public decimal MultiplierOf(Tier tier) => tier switch
    {
        Tier.Private => PrivateMultiplier,
        Tier.Wealth => WealthMultiplier,
        _ => StandardMultiplier,
    };
}
