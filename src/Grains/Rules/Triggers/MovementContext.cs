using Engagement.Customers;

namespace Engagement.Rules.Triggers;

/// <summary>What the movement rules need from before the event: the tier in force, the 90-day debits and AUM.</summary>
/// <param name="TierBefore">The tier in force before the event.</param>
/// <param name="Debits90d">Debits in the 90 days before the event.</param>
/// <param name="DebitSum90d">Their sum.</param>
/// <param name="AumBefore">AUM before the event: a balance drop is judged only on an event that lowers it.</param>
public readonly record struct MovementContext(Tier TierBefore, int Debits90d, decimal DebitSum90d, decimal AumBefore);
