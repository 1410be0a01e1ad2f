using Engagement.Events;
using Engagement.Products;
using Engagement.Rules;
using Engagement.State;
using Engagement.Triggers;

namespace Engagement.Backtests;

/// <summary>One rule set folded over retained input apart from live state: every customer's state from nothing, the
/// products' latest NAVs and holders, and every trigger fired.</summary>
public sealed class RuleFold(CustomerRules rules)
{
    private readonly Dictionary<string, CustomerState> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProductNav> _navs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _holders = new(StringComparer.Ordinal);

    /// <summary>Every trigger fired so far, in firing order.</summary>
    public List<Trigger> Fired { get; } = [];

    /// <summary>The customers seen.</summary>
    public int Customers => _customers.Count;

    /// <summary>The customer's state as folded, or null when never seen.</summary>
    public CustomerState? StateOf(string customerId) => _customers.GetValueOrDefault(customerId);

    /// <summary>Applies a customer event at the wall clock of its record, as live ingest does; a holding learns its
    /// product's latest NAV, as a new holder does from the product.</summary>
    public void Apply(CustomerEvent e, DateTimeOffset recordedAt)
    {
        if (!_customers.TryGetValue(e.CustomerId, out var state))
        {
            _customers[e.CustomerId] = state = new CustomerState();
        }
        rules.Apply(state, e, recordedAt, Fired);
        foreach (var productId in state.Holdings.Keys.ToList())
        {
            Holders(productId).Add(e.CustomerId);
            if (_navs.TryGetValue(productId, out var nav))
            {
                rules.ApplyNav(state, e.CustomerId, nav, recordedAt, Fired);
            }
        }
    }

    /// <summary>Revalues every holder with a NAV newer than the product's latest.</summary>
    public void Apply(NavUpdated update, DateTimeOffset recordedAt)
    {
        if (_navs.TryGetValue(update.ProductId, out var latest) && latest.AsOf >= update.AsOf)
        {
            return;
        }
        var nav = _navs[update.ProductId] = new ProductNav(update.ProductId, update.Nav, update.AsOf);
        foreach (var customerId in Holders(update.ProductId))
        {
            rules.ApplyNav(_customers[customerId], customerId, nav, recordedAt, Fired);
        }
    }

    /// <summary>Runs every customer's clock-driven rules up to <paramref name="at"/>, as the wake-up schedule would.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        foreach (var (customerId, state) in _customers)
        {
            rules.AdvanceClock(state, customerId, at, Fired);
        }
    }

    private HashSet<string> Holders(string productId)
    {
        if (!_holders.TryGetValue(productId, out var holders))
        {
            _holders[productId] = holders = new HashSet<string>(StringComparer.Ordinal);
        }
        return holders;
    }
}
