using System.Globalization;

namespace Engagement.Rules.Triggers;

/// <summary>How numbers and dates read in explanations: 500,000.00 and 2026-12-01.</summary>
public static class Wording
{
    /// <summary>Money with thousands separators and cents.</summary>
    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>A whole number with thousands separators: 1,200.</summary>
    public static string Count(decimal count) => count.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>A date as <c>YYYY-MM-DD</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A percentage with one decimal.</summary>
    public static string Percent(decimal pct) => pct.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>"in N days", "tomorrow" or "today".</summary>
    public static string In(int days) => days switch { <= 0 => "today", 1 => "tomorrow", _ => $"in {days} days" };
}
