using Engagement.Events;
using Engagement.State;

namespace Engagement.Rules;

/// <summary>Assets under management: deposit balances plus the market value of holdings.</summary>
public static class AumRules
{
    /// <summary>Whether an account's balance counts towards AUM (cards and loans are liabilities).</summary>
    public static bool CountsInAum(AccountType? type) =>
        type is AccountType.Current or AccountType.Savings or AccountType.TermDeposit;

    /// <summary>A holding's market value: units × latest NAV, or × purchase price before any NAV, to the cent.</summary>
    public static decimal ValueOf(HoldingState holding) =>
        Money.ToCents(holding.Units * (holding.Nav ?? holding.LastPrice));

    /// <summary>The customer's AUM.</summary>
    public static decimal Of(CustomerState state) =>
        state.Accounts.Values.Where(a => CountsInAum(a.Type)).Sum(a => a.Balance)
        + state.Holdings.Values.Sum(ValueOf);
}
