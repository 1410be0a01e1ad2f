namespace Engagement.Customers;

/// <summary>The customer's service tier (普通级 / 财富级 / 钻私级), lowest first.</summary>
public enum Tier
{
    /// <summary>普通级: below the wealth threshold.</summary>
    Standard,
    /// <summary>财富级: from the wealth threshold.</summary>
    Wealth,
    /// <summary>钻私级: from the private-banking threshold.</summary>
    Private,
}
