namespace Engagement.Triggers;

/// <summary>The language of trigger explanations and of the advisors' workbench (<c>Engine:Language</c>).</summary>
public enum Language
{
    /// <summary>English, <c>en</c> (the default).</summary>
    En,
    /// <summary>Simplified Chinese, <c>zh-CN</c>.</summary>
    ZhCn,
}

/// <summary>The configuration codes of <see cref="Language"/>.</summary>
public static class Languages
{
    /// <summary>The code of English.</summary>
    public const string English = "en";
    /// <summary>The code of Simplified Chinese.</summary>
    public const string Chinese = "zh-CN";

    /// <summary>Whether <paramref name="code"/> names a language (none means English).</summary>
    public static bool IsKnown(string? code) => code is null or "" or English or Chinese;

    /// <summary>The language of a configured code; none means English; an unknown code is a configuration error.</summary>
    public static Language Parse(string? code) => code switch
    {
        null or "" or English => Language.En,
        Chinese => Language.ZhCn,
        _ => throw new InvalidOperationException($"Engine:Language must be '{English}' or '{Chinese}', not '{code}'."),
    };

    /// <summary>The configuration code of a language.</summary>
    public static string CodeOf(Language language) => language == Language.ZhCn ? Chinese : English;
}
