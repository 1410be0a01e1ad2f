using Engagement.Rules;

namespace Engagement.State;

/// <summary>Every version of the rule set since the first change, oldest first (empty while the configured version is
/// in force).</summary>
[GenerateSerializer, Alias("Engagement.RuleSetHistory")]
public sealed class RuleSetHistory
{
    /// <summary>The versions, the configured one first.</summary>
    [Id(0)] public List<RuleSetVersion> Versions { get; set; } = [];
}
