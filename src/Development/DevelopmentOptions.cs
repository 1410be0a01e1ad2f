namespace Engagement.Development;

/// <summary>Where the development defaults run Azurite, bound from the <c>Development</c> configuration section.</summary>
public sealed class DevelopmentOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Development";

    /// <summary>The table port of the Azurite the defaults start; 10002 when not set.</summary>
    public int? AzuritePort { get; set; }

    /// <summary>The folder of that Azurite's data; <c>.data/azurite</c> under the repository root when not set.</summary>
    public string? AzuriteFolder { get; set; }
}
