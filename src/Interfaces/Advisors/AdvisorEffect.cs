using Engagement.Triggers;

namespace Engagement.Advisors;

/// <summary>One change to an advisor's inbox or book, caused by a customer: a new or changed trigger, or the customer
/// joining or leaving the book. Exactly one of the three is set; a trigger carries the W3C <c>traceparent</c> of the
/// span that fired it, when known.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.AdvisorEffect")]
public sealed record AdvisorEffect(
    [property: Id(0)] Trigger? Trigger,
    [property: Id(1)] string? Joined,
    [property: Id(2)] string? Left,
    [property: Id(3)] string? TraceParent = null)
{
    /// <summary>A new or changed trigger, fired under <paramref name="traceParent"/>.</summary>
    public static AdvisorEffect Of(Trigger trigger, string? traceParent) => new(trigger, null, null, traceParent);

    /// <summary>The customer joins the book.</summary>
    public static AdvisorEffect Join(string customerId) => new(null, customerId, null);

    /// <summary>The customer leaves the book, with their open triggers.</summary>
    public static AdvisorEffect Leave(string customerId) => new(null, null, customerId);
}
