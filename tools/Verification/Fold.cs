using System.Text;
using Engagement.Ingest;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.State;

namespace Engagement.Verification;

/// <summary>Records folded, in delivery order, through the pure rules the engine runs with their default figures: what
/// every customer must end as, and every trigger that must be published.</summary>
public sealed class Fold
{
    private Fold(Dictionary<string, CustomerState> customers, IReadOnlySet<string> triggerIds)
    {
        Customers = customers;
        TriggerIds = triggerIds;
    }

    /// <summary>Each customer's state after their records.</summary>
    public Dictionary<string, CustomerState> Customers { get; }

    /// <summary>The id of every trigger the records fire.</summary>
    public IReadOnlySet<string> TriggerIds { get; }

    /// <summary>Folds <paramref name="records"/> (key and JSON value, repeats included) at their own event times.</summary>
    public static Fold Of(IEnumerable<(string Key, string Value)> records)
    {
        var parser = new EventParser("CNY");
        var rules = new CustomerRules(new RuleSettings(), new TriggerSettings());
        var states = new Dictionary<string, CustomerState>(StringComparer.Ordinal);
        var fired = new List<Engagement.Triggers.Trigger>();
        foreach (var (key, value) in records)
        {
            var e = parser.Parse(key, Encoding.UTF8.GetBytes(value)).Customer!;
            if (!states.TryGetValue(key, out var state))
            {
                states[key] = state = new CustomerState();
            }
            rules.Apply(state, e, e.OccurredAt, fired);
        }
        return new Fold(states, fired.Select(t => t.TriggerId).ToHashSet(StringComparer.Ordinal));
    }
}
