using Engagement.Triggers;

namespace Engagement.Rules.Triggers;

/// <summary>An advisor's day (SPEC §4 "Workload"): at most the daily cap of <c>info</c> and <c>normal</c> triggers are
/// pushed live; the rest of the day's go to the digest; <c>high</c> and <c>urgent</c> always go live.</summary>
/// <param name="Cap">How many <c>info</c> and <c>normal</c> triggers one advisor gets live a day.</param>
/// <param name="Calendar">The calendar of the advisor's day.</param>
public readonly record struct Workload(int Cap, RuleCalendar Calendar)
{
    /// <summary>The workload of the trigger settings.</summary>
    public static Workload Of(TriggerSettings settings) => new(settings.AdvisorDailyCap, settings.Calendar);

    /// <summary>The advisor's day a trigger belongs to: the date it was created, in the engine's time zone.</summary>
    public DateOnly DayOf(DateTimeOffset createdAt) => Calendar.DayOf(createdAt);

    /// <summary>Whether a trigger of <paramref name="severity"/> counts against the cap.</summary>
    public static bool Capped(Severity severity) => severity <= Severity.Normal;

    /// <summary>Whether a trigger new to the inbox goes to the digest, when <paramref name="pushedLiveThatDay"/> capped
    /// triggers of its day were already pushed live to the advisor.</summary>
    public bool IsDigest(Severity severity, int pushedLiveThatDay) => Capped(severity) && pushedLiveThatDay >= Cap;
}
