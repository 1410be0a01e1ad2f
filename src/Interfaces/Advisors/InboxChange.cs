using Engagement.Triggers;

namespace Engagement.Advisors;

/// <summary>A new or changed trigger in an advisor's inbox, numbered in the order the inbox took it; a live push
/// carries the W3C <c>traceparent</c> of the span that fired it, a replay from the inbox none.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.InboxChange")]
public sealed record InboxChange(
    [property: Id(0)] long Sequence,
    [property: Id(1)] Trigger Trigger,
    [property: Id(2)] string? TraceParent = null);
