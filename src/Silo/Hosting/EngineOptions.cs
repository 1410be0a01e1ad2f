namespace Engagement.Silo.Hosting;

/// <summary>Engine-wide settings, bound from the <c>Engine</c> configuration section.</summary>
public sealed class EngineOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Engine";

    /// <summary>The deployment's base currency: transactions in any other go to the dead-letter topic.</summary>
    public string BaseCurrency { get; set; } = "CNY";
}
