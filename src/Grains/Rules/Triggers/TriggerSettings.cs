using System.Text.Json.Serialization;
using Engagement.Customers;
using Engagement.Triggers;

namespace Engagement.Rules.Triggers;

/// <summary>The trigger rules' figures (SPEC §4 defaults), bound from the <c>Triggers</c> configuration section; the figures
/// are part of the versioned rule set (<see cref="RuleSetDocument"/>), the engine's own settings are not.</summary>
public sealed class TriggerSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Triggers";

    /// <summary>How long before maturity a term deposit triggers.</summary>
    public TimeSpan DepositMaturingLead { get; set; } = TimeSpan.FromDays(7);
    /// <summary>How long before the due date a payment triggers.</summary>
    public TimeSpan PaymentDueLead { get; set; } = TimeSpan.FromDays(3);
    /// <summary>How long before the birthday the reminder fires.</summary>
    public TimeSpan BirthdayLead { get; set; } = TimeSpan.FromDays(1);
    /// <summary>How long before points expire <c>points.expiring</c> fires.</summary>
    public TimeSpan PointsExpiringLead { get; set; } = TimeSpan.FromDays(30);
    /// <summary>How many points must expire on one day for <c>points.expiring</c> to fire.</summary>
    public long PointsExpiringMin { get; set; } = 1_000;
    /// <summary>How long after a purchase the after-sales call is due.</summary>
    public TimeSpan FollowUpAfter { get; set; } = TimeSpan.FromDays(14);
    /// <summary>How long without a customer-initiated transaction makes a customer dormant.</summary>
    public TimeSpan DormantAfter { get; set; } = TimeSpan.FromDays(90);
    /// <summary>Review cadence for private customers.</summary>
    public TimeSpan PrivateReviewEvery { get; set; } = TimeSpan.FromDays(30);
    /// <summary>Review cadence for wealth customers.</summary>
    public TimeSpan WealthReviewEvery { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Value ÷ cost at or above which take-profit fires.</summary>
    public decimal TakeProfitRatio { get; set; } = 1.10m;
    /// <summary>Value ÷ cost at or below which stop-loss fires.</summary>
    public decimal StopLossRatio { get; set; } = 0.90m;
    /// <summary>The band around cost (±) within which take-profit and stop-loss re-arm.</summary>
    public decimal RearmBand { get; set; } = 0.05m;

    /// <summary>One debit at or above this is a large outflow for a standard customer.</summary>
    public decimal StandardLargeOutflow { get; set; } = 50_000m;
    /// <summary>… for a wealth customer.</summary>
    public decimal WealthLargeOutflow { get; set; } = 200_000m;
    /// <summary>… for a private customer.</summary>
    public decimal PrivateLargeOutflow { get; set; } = 1_000_000m;
    /// <summary>A debit this many times the 90-day mean debit is a large outflow.</summary>
    public decimal OutflowMeanMultiple { get; set; } = 10m;
    /// <summary>The mean rule needs at least this many debits in the 90 days.</summary>
    public int OutflowMeanMinDebits { get; set; } = 10;
    /// <summary>The mean rule needs a debit of at least this much.</summary>
    public decimal OutflowMeanMinAmount { get; set; } = 10_000m;
    /// <summary>A transfer out to another bank at or above this triggers.</summary>
    public decimal ExternalTransferMin { get; set; } = 50_000m;
    /// <summary>AUM at or below this share of its 30-day high is a balance drop…</summary>
    public decimal BalanceDropRatio { get; set; } = 0.70m;
    /// <summary>…when it is also at least this much lower.</summary>
    public decimal BalanceDropMin { get; set; } = 100_000m;
    /// <summary>The window of the AUM high for a balance drop.</summary>
    public TimeSpan BalanceDropWindow { get; set; } = TimeSpan.FromDays(30);
    /// <summary>One credit at or above this is a large inflow for a standard customer.</summary>
    public decimal StandardLargeInflow { get; set; } = 100_000m;
    /// <summary>… for a wealth customer.</summary>
    public decimal WealthLargeInflow { get; set; } = 500_000m;
    /// <summary>… for a private customer.</summary>
    public decimal PrivateLargeInflow { get; set; } = 2_000_000m;
    /// <summary>This many debits…</summary>
    public int SpikeDebits { get; set; } = 10;
    /// <summary>…within this window is an activity spike.</summary>
    public TimeSpan SpikeWindow { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How long after a trigger the same type and subject may not fire again.</summary>
    public TimeSpan DefaultCooldown { get; set; } = TimeSpan.FromDays(7);
    /// <summary>Cooldowns that differ from the default, by type.</summary>
    public Dictionary<string, TimeSpan> Cooldowns { get; set; } = new(StringComparer.Ordinal)
    {
        [TriggerTypes.BalanceDrop] = TimeSpan.FromDays(30),
    };
    /// <summary>How long a trigger stays open before it expires.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(14);
    /// <summary>How many closed triggers a customer keeps besides the open ones.</summary>
    [JsonIgnore]
    public int ClosedTriggersKept { get; set; } = 50;
    /// <summary>How many <c>info</c> and <c>normal</c> triggers are pushed live to one advisor a day; the rest go to the digest.</summary>
    public int AdvisorDailyCap { get; set; } = 40;

    /// <summary>The language of explanations; the host sets it from <c>Engine:Language</c>.</summary>
    [JsonIgnore]
    public Language Language { get; set; } = Language.En;
    /// <summary>The time zone of dated rules and of an advisor's day; the host sets it from <c>Engine:TimeZone</c>.</summary>
    [JsonIgnore]
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>The version of the rule set these figures belong to; every trigger fired with them carries it.</summary>
    [JsonIgnore]
    public int RuleVersion { get; internal set; } = RuleSetDocument.ConfiguredVersion;

    /// <summary>The calendar of <see cref="TimeZone"/>.</summary>
    [JsonIgnore]
    public RuleCalendar Calendar => new(TimeZone);

    /// <summary>The cooldown of a type.</summary>
    public TimeSpan CooldownOf(string type) => Cooldowns.GetValueOrDefault(type, DefaultCooldown);

    /// <summary>The large-outflow threshold of a tier.</summary>
    public decimal LargeOutflowFor(Tier tier) => tier switch
    {
        Tier.Private => PrivateLargeOutflow,
        Tier.Wealth => WealthLargeOutflow,
        _ => StandardLargeOutflow,
    };

    /// <summary>The large-inflow threshold of a tier.</summary>
    public decimal LargeInflowFor(Tier tier) => tier switch
    {
        Tier.Private => PrivateLargeInflow,
        Tier.Wealth => WealthLargeInflow,
        _ => StandardLargeInflow,
    };
}
