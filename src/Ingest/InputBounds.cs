namespace Engagement.Ingest;

/// <summary>The ranges a record's dates and figures must lie in, so that no date or decimal arithmetic in the rules
/// can overflow (reason <c>out_of_range:&lt;name&gt;</c>).</summary>
/// <remarks>
/// Dates: years 1900–2199. Everyone alive was born after 1900 and no deposit or loan runs past 2199, while the
/// rules' furthest reach from a date (a year to the next anniversary, 90-day windows, 30-day grace, offsets of ±14 h)
/// stays thousands of years away from <see cref="DateTime.MinValue"/> and <see cref="DateTime.MaxValue"/>.
/// Figures: money at most 10^12 in magnitude with at most 4 decimals; units at most 10^10 and prices and NAVs at
/// most 10^7, each with at most 8 decimals. So one holding is worth at most 10^17, points earned on one event
/// (amount × rate × multiplier) fit a <see cref="long"/>, and a ratio over the smallest non-zero money (10^-4) stays
/// below <see cref="decimal.MaxValue"/> until one customer's AUM passes 10^22: millions of records at the maximum.
/// </remarks>
public static class InputBounds
{
    /// <summary>The first year a timestamp or date may fall in.</summary>
    public const int FirstYear = 1900;

    /// <summary>The last year a timestamp or date may fall in.</summary>
    public const int LastYear = 2199;

    /// <summary>Money (amounts, balances): the largest magnitude and the most decimals.</summary>
    public static readonly Bound Money = new(1_000_000_000_000m, 4);

    /// <summary>Units of a product held or traded.</summary>
    public static readonly Bound Units = new(10_000_000_000m, 8);

    /// <summary>A price or NAV per unit.</summary>
    public static readonly Bound Price = new(10_000_000m, 8);

    /// <summary>Days a payment is overdue: up to a hundred years.</summary>
    public const int MaxDaysOverdue = 36_500;

    /// <summary>Whether a date's year lies in the window.</summary>
    public static bool InWindow(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>Whether an instant, in UTC, lies in the window.</summary>
    public static bool InWindow(DateTimeOffset at) => InWindow(at.UtcDateTime.Year);

    /// <summary>A magnitude and a number of decimals a decimal must not exceed.</summary>
    public readonly record struct Bound(decimal Max, int Decimals)
    {
        /// <summary>Whether <paramref name="value"/> lies within the bound.</summary>
        public bool Holds(decimal value) => Math.Abs(value) <= Max && decimal.Round(value, Decimals) == value;
    }
}
