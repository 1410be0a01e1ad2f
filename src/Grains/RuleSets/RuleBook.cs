using Engagement.Rules.Triggers;

namespace Engagement.Rules;

/// <summary>The rules in force in this silo: the configured figures until the rule set grain tells of a newer version.
/// Each call into a grain takes <see cref="Current"/> once, so an event is applied under one version throughout.</summary>
public sealed class RuleBook(RuleSettings configured, TriggerSettings configuredTriggers)
{
    private readonly Lock _gate = new();
    private volatile CustomerRules _current = new(configured, configuredTriggers);

    /// <summary>The rules of the newest version this silo knows.</summary>
    public CustomerRules Current => _current;

    /// <summary>Puts <paramref name="ruleSet"/> in force unless a version as new is already; says whether it did.</summary>
    public bool Use(RuleSetVersion ruleSet)
    {
        lock (_gate)
        {
            if (ruleSet.Version <= _current.Version)
            {
                return false;
            }
            var (rules, triggers) = RuleSetDocument.Read(ruleSet, configured, configuredTriggers);
            _current = new CustomerRules(rules, triggers);
            return true;
        }
    }
}
