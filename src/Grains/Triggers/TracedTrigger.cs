namespace Engagement.Triggers;

/// <summary>A trigger on its way out, with the W3C <c>traceparent</c> of the span that fired it (null when none is
/// known: a redelivery after a restart, say).</summary>
public sealed record TracedTrigger(Trigger Trigger, string? TraceParent);
