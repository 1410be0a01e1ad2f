using Engagement.Triggers;

namespace Engagement.Silo.Hosting;

/// <summary>Engine-wide settings, bound from the <c>Engine</c> configuration section.</summary>
public sealed class EngineOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Engine";

    /// <summary>The deployment's base currency: transactions in any other go to the dead-letter topic.</summary>
    public string BaseCurrency { get; set; } = "CNY";

    /// <summary>The language of trigger explanations and of the workbench: <c>en</c> or <c>zh-CN</c>.</summary>
    public string Language { get; set; } = Languages.English;

    /// <summary>The IANA time zone of the calendar (an advisor's day for the daily cap); <c>Asia/Shanghai</c> in China.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The configured time zone; an unknown id is a configuration error.</summary>
    public TimeZoneInfo Zone() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone)
        ? zone
        : throw new InvalidOperationException($"Engine:TimeZone '{TimeZone}' is not an IANA time zone known to this machine (such as UTC or Asia/Shanghai).");
}
