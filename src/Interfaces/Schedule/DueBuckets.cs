using System.Globalization;

namespace Engagement.Schedule;

/// <summary>Names the hour bucket of a moment.</summary>
public static class DueBuckets
{
    /// <summary>The bucket key of <paramref name="at"/>: its UTC hour as <c>yyyyMMddHH</c>.</summary>
    public static string KeyOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    /// <summary>The start of the UTC hour of <paramref name="at"/>.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset at) =>
        new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
}
