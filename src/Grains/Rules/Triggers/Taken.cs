using Engagement.Advisors;
using Engagement.Triggers;

namespace Engagement.Rules.Triggers;

/// <summary>A trigger as an advisor's inbox took it (with its digest decision), and the change numbered for the live
/// stream, or no change for an old or repeated version.</summary>
/// <param name="Trigger">The trigger as the inbox holds it.</param>
/// <param name="Change">The numbered change, or null.</param>
public sealed record Taken(Trigger Trigger, InboxChange? Change);
