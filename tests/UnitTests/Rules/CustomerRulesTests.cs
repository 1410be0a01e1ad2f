using Engagement.Customers;
using Engagement.Events;
using Engagement.Products;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.State;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules;

public sealed class CustomerRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly CustomerRules _rules = new(new RuleSettings(), new TriggerSettings());
    private readonly CustomerState _state = new();

    private ApplyResult Apply(CustomerEvent e) => _rules.Apply(_state, e, T0);

    [Fact]
    public void Aum_counts_deposits_and_holdings_but_not_cards_or_loans()
    {
        Apply(Opened("e1", T0, "S-1", AccountType.Savings, 100_000.10m));
        Apply(Opened("e2", T0, "TD-1", AccountType.TermDeposit, 200_000m));
        Apply(Opened("e3", T0, "CC-1", AccountType.CreditCard, -5_000m));
        Apply(Opened("e4", T0, "L-1", AccountType.Loan, -300_000m));
        Apply(Purchased("e5", T0, "F-1", 1_000m, 1.2345m));
        Assert.Equal(301_234.60m, _state.Aum);
    }

    [Fact]
    public void The_triggers_an_event_fires_are_reported_once_and_its_repeat_and_the_clock_after_it_report_none()
    {
        var fired = new List<Trigger>();
        _rules.Apply(_state, Registered("e1", T0), T0, fired);
        var opened = Opened("e2", T0, "TD-1", AccountType.TermDeposit, 50_000m, DateOnly.FromDateTime(T0.UtcDateTime.AddDays(5)));
        _rules.Apply(_state, opened, T0, fired);
        Assert.Equal(["customer.onboarding", "deposit.maturing"], fired.Select(t => t.Type).Order());
        Assert.Equal(fired.Select(t => t.TriggerId).Order(), _state.Triggers.Triggers.Select(t => t.TriggerId).Order());

        var again = new List<Trigger>();
        Assert.Equal(ApplyStatus.Duplicate, _rules.Apply(_state, opened, T0, again).Status);
        _rules.AdvanceClock(_state, "C1", T0.AddMinutes(1), again);
        Assert.Empty(again);
    }

    [Fact]
    public void A_duplicate_event_changes_nothing()
    {
        Apply(Opened("e1", T0, "S-1", AccountType.Savings, 1_000m));
        var posted = Posted("e2", T0.AddMinutes(1), "CC-1", Direction.Debit, TransactionKind.CardPurchase, 250m, null);
        Assert.Equal(ApplyStatus.Applied, Apply(posted).Status);
        Assert.Equal(ApplyStatus.Duplicate, Apply(posted).Status);
        Assert.Equal(25, _state.Points.Balance);
        Assert.Equal(2, _state.EventsApplied);
    }

    [Fact]
    public void A_replayed_offset_is_a_duplicate_even_under_a_new_event_id()
    {
        Apply(Posted("e1", T0, "S-1", Direction.Credit, TransactionKind.Salary, 10m, 10m, offset: 5));
        Assert.Equal(ApplyStatus.Duplicate, Apply(Posted("e1-again", T0, "S-1", Direction.Credit, TransactionKind.Salary, 10m, 20m, offset: 5)).Status);
        Assert.Equal(ApplyStatus.Applied, Apply(Posted("e2", T0, "S-1", Direction.Credit, TransactionKind.Salary, 10m, 20m, offset: 6)).Status);
        Assert.Equal(20m, _state.Accounts["S-1"].Balance);
        Assert.Equal(2, _state.EventsApplied);
    }

    [Fact]
    public void Points_use_the_tier_in_force_before_the_event()
    {
        Apply(Opened("e1", T0, "S-1", AccountType.Savings, 490_000m));
        Apply(Purchased("e2", T0, "F-1", 20_000m, 1m));
        Assert.Equal(Tier.Wealth, _state.Tier.Current);
        Assert.Equal(200, _state.Points.Balance);

        Apply(Posted("e3", T0, "CC-1", Direction.Debit, TransactionKind.CardPurchase, 1_000m, null));
        Assert.Equal(200 + 150, _state.Points.Balance);
    }

    [Fact]
    public void A_reversal_sets_the_balance_and_takes_back_the_points()
    {
        Apply(Opened("e1", T0, "S-1", AccountType.Savings, 5_000m));
        Apply(Posted("e2", T0, "S-1", Direction.Debit, TransactionKind.CardPurchase, 1_234.56m, 3_765.44m));
        Assert.Equal(123, _state.Points.Balance);
        Apply(Reversed("e3", T0.AddHours(1), "e2", "S-1", 5_000m));
        Assert.Equal(0, _state.Points.Balance);
        Assert.Equal(5_000m, _state.Aum);
        Assert.Equal([LedgerEntryKind.Earn, LedgerEntryKind.Reverse], _state.Points.Ledger.Select(e => e.Kind));
    }

    [Fact]
    public void A_transaction_before_its_account_is_opened_is_kept_and_counted_once_the_type_is_known()
    {
        Apply(Posted("e1", T0.AddMinutes(5), "S-9", Direction.Credit, TransactionKind.Salary, 8_000m, 18_000m));
        Assert.Equal(0m, _state.Aum);
        Apply(Opened("e2", T0, "S-9", AccountType.Savings, 10_000m));
        Assert.Equal(18_000m, _state.Aum);
        Assert.Equal(18_000m, _state.Accounts["S-9"].Balance);
    }

    [Fact]
    public void A_deposit_transaction_without_balance_after_is_rejected()
    {
        Apply(Opened("e1", T0, "S-1", AccountType.Savings, 10_000m));
        var result = Apply(Posted("e2", T0, "S-1", Direction.Debit, TransactionKind.Withdrawal, 100m, null));
        Assert.Equal(ApplyResult.Rejected("missing_field:balanceAfter"), result);
        Assert.Equal(1, _state.EventsApplied);
    }

    [Fact]
    public void A_nav_revalues_the_holding_and_an_older_nav_is_ignored()
    {
        Apply(Purchased("e1", T0, "F-1", 1_000m, 1.00m));
        Assert.True(_rules.ApplyNav(_state, Customer, new ProductNav("F-1", 1.05m, T0.AddDays(1)), T0));
        Assert.False(_rules.ApplyNav(_state, Customer, new ProductNav("F-1", 0.50m, T0), T0));
        Assert.Equal(1_050.00m, _state.Aum);

        var holding = CustomerViews.From(Customer, _state, T0, 0, _rules.Settings).Holdings.Single();
        Assert.Equal(new HoldingView("F-1", ProductType.Fund, 1_000m, 1_000.00m, 1.05m, 1_050.00m, 5.00m), holding);
    }

    [Fact]
    public void A_partial_redemption_reduces_cost_at_average_cost()
    {
        Apply(Purchased("e1", T0, "F-1", 300m, 1.10m));
        Apply(Redeemed("e2", T0, "F-1", 100m, 120m));
        Assert.Equal(200m, _state.Holdings["F-1"].Units);
        Assert.Equal(220.00m, _state.Holdings["F-1"].Cost);
        Apply(Redeemed("e3", T0, "F-1", 200m, 230m));
        Assert.Empty(_state.Holdings);
    }

    [Fact]
    public void The_wall_clock_downgrades_a_quiet_customer_after_the_grace_period()
    {
        Apply(Opened("e1", T0, "S-1", AccountType.Savings, 600_000m));
        Apply(Posted("e2", T0, "S-1", Direction.Debit, TransactionKind.TransferOut, 200_000m, 400_000m));
        Assert.Equal(Tier.Wealth, _state.Tier.Current);
        Assert.Equal(T0, _state.Tier.DowngradeRiskSince);

        Assert.True(_rules.AdvanceClock(_state, Customer, T0.AddDays(20)));
        Assert.All(_state.Triggers.Triggers, t => Assert.Equal(TriggerStatus.Expired, t.Status));
        Assert.False(_rules.AdvanceClock(_state, Customer, T0.AddDays(30).AddTicks(-1)));
        Assert.True(_rules.AdvanceClock(_state, Customer, T0.AddDays(30)));
        Assert.Equal(Tier.Standard, _state.Tier.Current);
    }

    [Fact]
    public void Activity_counts_debits_and_credits_and_the_last_own_transaction()
    {
        Apply(Posted("e1", T0, "S-1", Direction.Credit, TransactionKind.Salary, 9_000m, 9_000m));
        Apply(Posted("e2", T0.AddDays(1), "S-1", Direction.Debit, TransactionKind.Withdrawal, 500m, 8_500m));
        Apply(Posted("e3", T0.AddDays(2), "S-1", Direction.Debit, TransactionKind.Fee, 5m, 8_495m));
        var view = CustomerViews.From(Customer, _state, T0.AddDays(2), 0, _rules.Settings);
        Assert.Equal(new ActivityView(T0.AddDays(1), 2, 1), view.Activity);
    }
}
