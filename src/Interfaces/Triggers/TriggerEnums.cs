namespace Engagement.Triggers;

/// <summary>The three families of maintenance events (事件维护法).</summary>
public enum TriggerCategory
{
    /// <summary>A product event: maturity, payment, take-profit, dividend, follow-up.</summary>
    Product,
    /// <summary>A life-cycle event: onboarding, birthday, anniversary, tier, decline, dormancy, review.</summary>
    Lifecycle,
    /// <summary>An abnormal account movement.</summary>
    Abnormal,
}

/// <summary>How urgently the advisor should act, lowest first.</summary>
public enum Severity
{
    /// <summary>For information.</summary>
    Info,
    /// <summary>Act in the normal course.</summary>
    Normal,
    /// <summary>Act soon.</summary>
    High,
    /// <summary>Act now.</summary>
    Urgent,
}

/// <summary>Where a trigger stands.</summary>
public enum TriggerStatus
{
    /// <summary>Waiting for the advisor.</summary>
    Open,
    /// <summary>Seen by the advisor, still to be acted on.</summary>
    Acknowledged,
    /// <summary>Acted on, with an outcome.</summary>
    Closed,
    /// <summary>Recorded but not delivered: the customer asked not to be contacted.</summary>
    Suppressed,
    /// <summary>Not acted on in time.</summary>
    Expired,
}

/// <summary>What the advisor recorded after acting on a trigger.</summary>
public enum OutcomeKind
{
    /// <summary>Seen; the trigger stays open.</summary>
    Acknowledged,
    /// <summary>The customer was contacted.</summary>
    Reached,
    /// <summary>The customer could not be contacted.</summary>
    Unreached,
    /// <summary>Contact made and a sales opportunity found.</summary>
    Opportunity,
    /// <summary>Contact made and a sale won.</summary>
    Won,
    /// <summary>Contact made, nothing sold.</summary>
    Lost,
    /// <summary>Not worth acting on.</summary>
    Dismissed,
}
