namespace Engagement.Rules.Triggers;

/// <summary>The calendar of dated rules (birthdays, maturities, due dates, anniversaries) and of an advisor's day: days
/// in <c>Engine:TimeZone</c>.</summary>
/// <param name="Zone">The engine's time zone.</param>
public readonly record struct RuleCalendar(TimeZoneInfo Zone)
{
    /// <summary>The day <paramref name="moment"/> falls on.</summary>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    /// <summary>The first moment of <paramref name="day"/>: its midnight, or the first time after it where a clock change
    /// skips midnight.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
