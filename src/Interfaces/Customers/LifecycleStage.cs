namespace Engagement.Customers;

/// <summary>The customer's life-cycle stage (成长期 / 成熟期 / 稳定期 / 衰弱期).</summary>
public enum LifecycleStage
{
    /// <summary>成长期: AUM up 20 % or more over 90 days, or under 90 days of history.</summary>
    Growth,
    /// <summary>成熟期: AUM up 5 % to 20 %.</summary>
    Mature,
    /// <summary>稳定期: AUM between −20 % and +5 %.</summary>
    Stable,
    /// <summary>衰弱期: AUM down 20 % or more, or 90 days without a customer-initiated transaction.</summary>
    Decline,
}
