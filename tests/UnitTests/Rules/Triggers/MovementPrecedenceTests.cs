using Engagement.Events;
using Engagement.Rules.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary>At most one <c>movement.*</c> trigger per event: the highest by precedence that is not deduped.</summary>
public sealed class MovementPrecedenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Counterparty OtherBank = new("Wang Fang", "ICBC", true);
    private readonly TriggerHarness _kit = new();

    [Fact]
    public void The_precedence_is_spike_external_outflow_drop_inflow() =>
        Assert.Equal([TriggerTypes.ActivitySpike, TriggerTypes.ExternalTransfer, TriggerTypes.LargeOutflow, TriggerTypes.BalanceDrop,
            TriggerTypes.LargeInflow], TriggerTypes.MovementPrecedence);

    // A standard customer with 400,000 (high 400,000) and nine card debits within the hour. Each step matches every rule
    // of the one before but the fired ones, which stay open: the next in precedence takes over.
    [Fact]
    public void Each_rule_yields_to_the_higher_ones_and_fires_when_they_are_deduped()
    {
        _kit.Apply(Opened("e0", T0, "CA-1", AccountType.Current, 400_000m));
        Assert.Empty(_kit.Burst("b", T0.AddMinutes(1), 9));
        var at = T0.AddMinutes(10);

        // spike, external transfer, large outflow and balance drop (280,000 = 70 %, 120,000 lower) all match.
        Assert.Equal([TriggerTypes.ActivitySpike],
            TriggerHarness.Types(_kit.Apply(Debit("e10", at, "CA-1", 120_000m, 280_000m, TransactionKind.TransferOut, OtherBank))));
        // spike open: external transfer, large outflow and balance drop match.
        Assert.Equal([TriggerTypes.ExternalTransfer],
            TriggerHarness.Types(_kit.Apply(Debit("e11", at.AddMinutes(1), "CA-1", 60_000m, 220_000m, TransactionKind.TransferOut, OtherBank))));
        // not external: large outflow and balance drop match.
        Assert.Equal([TriggerTypes.LargeOutflow],
            TriggerHarness.Types(_kit.Apply(Debit("e12", at.AddMinutes(2), "CA-1", 60_000m, 160_000m))));
        // below every outflow rule: only the balance drop matches, but the spike covered it at e10 and it cools down.
        Assert.Empty(_kit.Apply(Debit("e13", at.AddMinutes(3), "CA-1", 10_000m, 150_000m)));
        // a credit: large inflow.
        Assert.Equal([TriggerTypes.LargeInflow],
            TriggerHarness.Types(_kit.Apply(Credit("e14", at.AddMinutes(4), "CA-1", 100_000m, 250_000m))));
    }

    // AUM falls from 4,000,000 to 500,000 by closing an account (no movement rule runs on that); a credit of 500,000 is
    // a large inflow for a wealth customer, and never a balance drop, however far AUM is below its high.
    [Fact]
    public void A_credit_is_never_a_balance_drop_even_far_below_the_high()
    {
        _kit.Apply(Opened("e1", T0, "S-1", AccountType.Savings, 3_500_000m), Opened("e2", T0, "S-2", AccountType.Savings, 500_000m));
        Assert.Empty(_kit.Apply(Closed("e3", T0.AddHours(1), "S-1")));

        Assert.Equal([TriggerTypes.LargeInflow],
            TriggerHarness.Types(_kit.Apply(Credit("e4", T0.AddHours(2), "S-2", 500_000m, 1_000_000m))));
    }

    // A wealth customer sends 450,000.00 of 600,000.00 to another bank: the external transfer fires and covers the large
    // outflow and the balance drop that matched too (AUM under 500,000 is also a downgrade risk). The drop starts its 30-day cooldown: neither a card purchase that
    // leaves AUM as it is nor a further withdrawal fires it for the same movement.
    [Fact]
    public void A_lower_rule_covered_by_the_one_that_fired_cools_down_and_no_later_event_fires_it()
    {
        _kit.Apply(Opened("e1", T0, "S-1", AccountType.Savings, 600_000m), Opened("e2", T0, "CC-1", AccountType.CreditCard, 0m));
        Assert.Equal([TriggerTypes.ExternalTransfer, TriggerTypes.TierDowngradeRisk],
            TriggerHarness.Types(_kit.Apply(Debit("e3", T0.AddHours(1), "S-1", 450_000m, 150_000m, TransactionKind.TransferOut, OtherBank))));

        Assert.Empty(_kit.Apply(Debit("e4", T0.AddHours(2), "CC-1", 100m, 100m, TransactionKind.CardPurchase)));
        Assert.Empty(_kit.Apply(Debit("e5", T0.AddDays(29), "S-1", 1_000m, 149_000m)));
        Assert.Equal(T0.AddHours(1), _kit.State.Triggers.LastFired[$"{TriggerTypes.BalanceDrop}|aum"]);
    }
}
