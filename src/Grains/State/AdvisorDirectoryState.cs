namespace Engagement.State;

/// <summary>The advisor ids known to the engine.</summary>
[GenerateSerializer, Alias("Engagement.AdvisorDirectoryState")]
public sealed class AdvisorDirectoryState
{
    /// <summary>Every advisor listed.</summary>
    [Id(0)] public SortedSet<string> Advisors { get; set; } = new(StringComparer.Ordinal);
}
