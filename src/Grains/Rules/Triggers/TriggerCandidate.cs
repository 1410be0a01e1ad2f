using Engagement.Triggers;

namespace Engagement.Rules.Triggers;

/// <summary>A trigger a rule wants to fire, before dedupe, cooldown, severity and consent are applied.</summary>
/// <param name="Type">The trigger type.</param>
/// <param name="Subject">What it is about (the deposit, the holding, the year, the event…): dedupe and cooldown key.</param>
/// <param name="OccurredAt">The event time, or the due moment, that caused it.</param>
/// <param name="DueAt">When the matter falls due, where there is such a moment.</param>
/// <param name="Facts">The figures behind it: every number its explanation states.</param>
/// <param name="SourceEventIds">The events that caused it.</param>
public sealed record TriggerCandidate(
    string Type,
    string Subject,
    DateTimeOffset OccurredAt,
    DateTimeOffset? DueAt,
    TriggerFacts Facts,
    IReadOnlyList<string> SourceEventIds);
