using Engagement.Triggers;

namespace Engagement.Advisors;

/// <summary>A new or changed trigger in an advisor's inbox, numbered in the order the inbox took it.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.InboxChange")]
public sealed record InboxChange(
    [property: Id(0)] long Sequence,
    [property: Id(1)] Trigger Trigger);
