using Engagement.Triggers;

namespace Engagement.Rules.Triggers;

/// <summary>The SPEC §4 catalogue: each type's category and default severity.</summary>
public static class TriggerTypes
{
    /// <summary><c>deposit.maturing</c>.</summary>
    public const string DepositMaturing = "deposit.maturing";
    /// <summary><c>deposit.matured</c>.</summary>
    public const string DepositMatured = "deposit.matured";
    /// <summary><c>payment.due</c>.</summary>
    public const string PaymentDue = "payment.due";
    /// <summary><c>payment.overdue</c>.</summary>
    public const string PaymentOverdue = "payment.overdue";
    /// <summary><c>investment.take_profit</c>.</summary>
    public const string TakeProfit = "investment.take_profit";
    /// <summary><c>investment.stop_loss</c>.</summary>
    public const string StopLoss = "investment.stop_loss";
    /// <summary><c>investment.dividend</c>.</summary>
    public const string Dividend = "investment.dividend";
    /// <summary><c>investment.follow_up</c>.</summary>
    public const string FollowUp = "investment.follow_up";
    /// <summary><c>customer.onboarding</c>.</summary>
    public const string Onboarding = "customer.onboarding";
    /// <summary><c>customer.birthday</c>.</summary>
    public const string Birthday = "customer.birthday";
    /// <summary><c>customer.anniversary</c>.</summary>
    public const string Anniversary = "customer.anniversary";
    /// <summary><c>tier.upgraded</c>.</summary>
    public const string TierUpgraded = "tier.upgraded";
    /// <summary><c>tier.downgrade_risk</c>.</summary>
    public const string TierDowngradeRisk = "tier.downgrade_risk";
    /// <summary><c>tier.downgraded</c>.</summary>
    public const string TierDowngraded = "tier.downgraded";
    /// <summary><c>lifecycle.decline</c>.</summary>
    public const string Decline = "lifecycle.decline";
    /// <summary><c>lifecycle.dormant</c>.</summary>
    public const string Dormant = "lifecycle.dormant";
    /// <summary><c>review.due</c>.</summary>
    public const string ReviewDue = "review.due";
    /// <summary><c>points.expiring</c>.</summary>
    public const string PointsExpiring = "points.expiring";
    /// <summary><c>movement.large_outflow</c>.</summary>
    public const string LargeOutflow = "movement.large_outflow";
    /// <summary><c>movement.external_transfer</c>.</summary>
    public const string ExternalTransfer = "movement.external_transfer";
    /// <summary><c>movement.balance_drop</c>.</summary>
    public const string BalanceDrop = "movement.balance_drop";
    /// <summary><c>movement.large_inflow</c>.</summary>
    public const string LargeInflow = "movement.large_inflow";
    /// <summary><c>movement.activity_spike</c>.</summary>
    public const string ActivitySpike = "movement.activity_spike";

    /// <summary>Every type with its category and default severity.</summary>
    public static readonly IReadOnlyDictionary<string, (TriggerCategory Category, Severity Severity)> Catalogue =
        new Dictionary<string, (TriggerCategory, Severity)>(StringComparer.Ordinal)
        {
            [DepositMaturing] = (TriggerCategory.Product, Severity.Normal),
            [DepositMatured] = (TriggerCategory.Product, Severity.High),
            [PaymentDue] = (TriggerCategory.Product, Severity.Normal),
            [PaymentOverdue] = (TriggerCategory.Product, Severity.High),
            [TakeProfit] = (TriggerCategory.Product, Severity.Normal),
            [StopLoss] = (TriggerCategory.Product, Severity.High),
            [Dividend] = (TriggerCategory.Product, Severity.Info),
            [FollowUp] = (TriggerCategory.Product, Severity.Normal),
            [Onboarding] = (TriggerCategory.Lifecycle, Severity.Normal),
            [Birthday] = (TriggerCategory.Lifecycle, Severity.Normal),
            [Anniversary] = (TriggerCategory.Lifecycle, Severity.Info),
            [TierUpgraded] = (TriggerCategory.Lifecycle, Severity.High),
            [TierDowngradeRisk] = (TriggerCategory.Lifecycle, Severity.High),
            [TierDowngraded] = (TriggerCategory.Lifecycle, Severity.Normal),
            [Decline] = (TriggerCategory.Lifecycle, Severity.High),
            [Dormant] = (TriggerCategory.Lifecycle, Severity.Normal),
            [ReviewDue] = (TriggerCategory.Lifecycle, Severity.Normal),
            [PointsExpiring] = (TriggerCategory.Lifecycle, Severity.Info),
            [LargeOutflow] = (TriggerCategory.Abnormal, Severity.High),
            [ExternalTransfer] = (TriggerCategory.Abnormal, Severity.High),
            [BalanceDrop] = (TriggerCategory.Abnormal, Severity.High),
            [LargeInflow] = (TriggerCategory.Abnormal, Severity.Normal),
            [ActivitySpike] = (TriggerCategory.Abnormal, Severity.Urgent),
        };

    /// <summary>The movement types, highest precedence first: at most one fires per event.</summary>
    public static readonly IReadOnlyList<string> MovementPrecedence =
        [ActivitySpike, ExternalTransfer, LargeOutflow, BalanceDrop, LargeInflow];
}
