using System.Globalization;

namespace Engagement.Rules.Triggers.Explanations;

/// <summary>How numbers and dates read in Chinese explanations: 500,000.00元, 2026年12月1日, 10.0%.</summary>
public static class ChineseWording
{
    /// <summary>Money with thousands separators, cents and 元.</summary>
    public static string Money(decimal amount) => Wording.Money(amount) + "元";

    /// <summary>A whole number with thousands separators: 1,200.</summary>
    public static string Count(decimal count) => Wording.Count(count);

    /// <summary>A date as 2026年12月1日.</summary>
    public static string Date(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>A percentage with one decimal.</summary>
    public static string Percent(decimal pct) => pct.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>今天, 明天 or 还有N天.</summary>
    public static string In(int days) => days switch { <= 0 => "今天", 1 => "明天", _ => $"还有{days}天" };

    /// <summary>A tier's Chinese name: 普通级, 财富级, 钻私级.</summary>
    public static string Tier(string tier) => tier switch
    {
        "private" => "钻私级",
        "wealth" => "财富级",
        _ => "普通级",
    };
}
