using Engagement.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.Rules.Triggers;

/// <summary>Checks the <c>Triggers</c> section: leads, windows and thresholds above zero, ratios on the right side of
/// one, cooldowns of known types, and caps that are not negative.</summary>
public sealed class TriggerSettingsValidator : IValidateOptions<TriggerSettings>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TriggerSettings s)
    {
        var checks = new SettingChecks(TriggerSettings.Section)
            .Positive(nameof(s.DepositMaturingLead), s.DepositMaturingLead)
            .Positive(nameof(s.PaymentDueLead), s.PaymentDueLead)
            .Positive(nameof(s.BirthdayLead), s.BirthdayLead)
            .Positive(nameof(s.PointsExpiringLead), s.PointsExpiringLead)
            .AtLeast(nameof(s.PointsExpiringMin), s.PointsExpiringMin, 1)
            .Positive(nameof(s.FollowUpAfter), s.FollowUpAfter)
            .Positive(nameof(s.DormantAfter), s.DormantAfter)
            .Positive(nameof(s.PrivateReviewEvery), s.PrivateReviewEvery)
            .Positive(nameof(s.WealthReviewEvery), s.WealthReviewEvery)
            .That(s.TakeProfitRatio > 1, nameof(s.TakeProfitRatio), $"must be more than 1 (got {s.TakeProfitRatio})")
            .That(s.StopLossRatio is > 0 and < 1, nameof(s.StopLossRatio), $"must be between 0 and 1 (got {s.StopLossRatio})")
            .That(s.RearmBand > 0 && s.RearmBand < s.TakeProfitRatio - 1 && s.RearmBand < 1 - s.StopLossRatio, nameof(s.RearmBand),
                $"must be more than 0 and inside both Triggers:TakeProfitRatio and Triggers:StopLossRatio (got {s.RearmBand})")
            .Positive(nameof(s.StandardLargeOutflow), s.StandardLargeOutflow)
            .Positive(nameof(s.WealthLargeOutflow), s.WealthLargeOutflow)
            .Positive(nameof(s.PrivateLargeOutflow), s.PrivateLargeOutflow)
            .Positive(nameof(s.OutflowMeanMultiple), s.OutflowMeanMultiple)
            .AtLeast(nameof(s.OutflowMeanMinDebits), s.OutflowMeanMinDebits, 1)
            .NotNegative(nameof(s.OutflowMeanMinAmount), s.OutflowMeanMinAmount)
            .Positive(nameof(s.ExternalTransferMin), s.ExternalTransferMin)
            .That(s.BalanceDropRatio is > 0 and < 1, nameof(s.BalanceDropRatio), $"must be between 0 and 1 (got {s.BalanceDropRatio})")
            .NotNegative(nameof(s.BalanceDropMin), s.BalanceDropMin)
            .Positive(nameof(s.BalanceDropWindow), s.BalanceDropWindow)
            .Positive(nameof(s.StandardLargeInflow), s.StandardLargeInflow)
            .Positive(nameof(s.WealthLargeInflow), s.WealthLargeInflow)
            .Positive(nameof(s.PrivateLargeInflow), s.PrivateLargeInflow)
            .AtLeast(nameof(s.SpikeDebits), s.SpikeDebits, 1)
            .Positive(nameof(s.SpikeWindow), s.SpikeWindow)
            .NotNegative(nameof(s.DefaultCooldown), s.DefaultCooldown)
            .Positive(nameof(s.Lifetime), s.Lifetime)
            .AtLeast(nameof(s.ClosedTriggersKept), s.ClosedTriggersKept, 0)
            .AtLeast(nameof(s.AdvisorDailyCap), s.AdvisorDailyCap, 0);
        foreach (var (type, cooldown) in s.Cooldowns)
        {
            checks.That(TriggerTypes.Catalogue.ContainsKey(type), $"{nameof(s.Cooldowns)}:{type}", "is not a trigger type")
                .NotNegative($"{nameof(s.Cooldowns)}:{type}", cooldown);
        }
        return checks.Result();
    }
}
