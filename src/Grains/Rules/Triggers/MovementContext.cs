using Engagement.Customers;

namespace Engagement.Rules.Triggers;

/// <summary>What the movement rules need from before the event: the tier in force and the 90-day debits.</summary>
/// <param name="TierBefore">The tier in force before the event.</param>
/// <param name="Debits90d">Debits in the 90 days before the event.</param>
/// <param name="DebitSum90d">Their sum.</param>
public readonly record struct MovementContext(Tier TierBefore, int Debits90d, decimal DebitSum90d);
