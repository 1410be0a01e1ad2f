using Engagement.Events;
using Engagement.Rules.Triggers;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary><c>movement.large_outflow</c> (tier threshold and the 10 × mean rule) and <c>movement.external_transfer</c>.</summary>
public sealed class OutflowTriggerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TriggerHarness _kit = new();

    // The opening balance sets the tier (400,000 standard, 1,000,000 wealth, 8,000,000 private); the debit leaves it in place.
    public static TheoryData<decimal, decimal, bool> TierOutflows => new()
    {
        { 400_000m, 49_999.99m, false }, { 400_000m, 50_000m, true }, { 400_000m, 50_000.01m, true },
        { 1_000_000m, 199_999.99m, false }, { 1_000_000m, 200_000m, true }, { 1_000_000m, 200_000.01m, true },
        { 8_000_000m, 999_999.99m, false }, { 8_000_000m, 1_000_000m, true }, { 8_000_000m, 1_000_000.01m, true },
    };

    [Theory]
    [MemberData(nameof(TierOutflows))]
    public void Large_outflow_fires_from_the_threshold_of_the_tier(decimal balance, decimal amount, bool fires)
    {
        _kit.Apply(Opened("e1", T0, "CA-1", AccountType.Current, balance));
        var fired = _kit.Apply(Debit("e2", T0.AddHours(1), "CA-1", amount, balance - amount));
        Assert.Equal(TriggerHarness.FiredIf(fires, TriggerTypes.LargeOutflow), TriggerHarness.Types(fired));
    }

    [Fact]
    public void Large_outflow_states_the_tier_threshold_it_crossed()
    {
        _kit.Apply(Registered("e0", T0), Opened("e1", T0, "CA-1", AccountType.Current, 400_000m));
        var trigger = Assert.Single(_kit.Apply(Debit("e2", T0.AddHours(1), "CA-1", 50_000m, 350_000m)));

        Assert.Equal(TriggerTypes.LargeOutflow, trigger.Type);
        Assert.Equal(TriggerCategory.Abnormal, trigger.Category);
        Assert.Equal(Severity.High, trigger.Severity);
        Assert.Equal(TriggerStatus.Open, trigger.Status);
        Assert.Equal("A7", trigger.AdvisorId);
        Assert.Equal("e2", trigger.Subject);
        Assert.Equal(T0.AddHours(1), trigger.OccurredAt);
        Assert.Equal(T0.AddHours(1).AddDays(14), trigger.ExpiresAt);
        Assert.Null(trigger.DueAt);
        Assert.Equal(["e2"], trigger.SourceEventIds);
        Assert.Equal("""{"accountId":"CA-1","amount":50000,"threshold":50000,"tier":"standard"}""", trigger.Facts.Json);
        Assert.Equal("A debit of 50,000.00 from CA-1 is at or above the standard large-outflow threshold of 50,000.00: "
            + "check the customer's intent before funds leave.", trigger.Explanation);
    }

    // Prior card debits one a day, then one more debit on day 20: the mean rule needs ≥ 10 prior debits, ≥ 10 × their
    // mean and ≥ 10,000, all below the standard threshold of 50,000.
    public static TheoryData<int, decimal, decimal, bool> MeanOutflows => new()
    {
        { 10, 2_000m, 19_999.99m, false }, { 10, 2_000m, 20_000m, true }, { 10, 2_000m, 20_000.01m, true },
        { 10, 500m, 9_999.99m, false }, { 10, 500m, 10_000m, true }, { 10, 500m, 10_000.01m, true },
        { 9, 500m, 49_999.99m, false },
    };

    [Theory]
    [MemberData(nameof(MeanOutflows))]
    public void Large_outflow_fires_at_ten_times_the_mean_debit(int priorDebits, decimal each, decimal amount, bool fires)
    {
        PriorCardDebits(priorDebits, each);
        var fired = _kit.Apply(Debit("big", T0.AddDays(20), "CC-1", amount, null, TransactionKind.CardPurchase));
        Assert.Equal(TriggerHarness.FiredIf(fires, TriggerTypes.LargeOutflow), TriggerHarness.Types(fired));
    }

    [Fact]
    public void The_mean_rule_states_the_mean_and_the_count()
    {
        PriorCardDebits(10, 2_000m);
        var trigger = Assert.Single(_kit.Apply(Debit("big", T0.AddDays(20), "CC-1", 20_000m, null, TransactionKind.CardPurchase)));
        Assert.Equal(Severity.High, trigger.Severity);
        Assert.Equal("""{"accountId":"CC-1","amount":20000,"meanDebit90d":2000,"debits90d":10,"multiple":10}""", trigger.Facts.Json);
        Assert.Equal("A debit of 20,000.00 from CC-1 is at least 10 times the 90-day mean debit of 2,000.00: "
            + "check the customer's intent before funds leave.", trigger.Explanation);
    }

    // Debits on days 0-9; on day 90 the day-0 debit has left the 90-day window and only 9 remain.
    [Theory]
    [InlineData(89, true)]
    [InlineData(90, false)]
    public void The_mean_rule_counts_only_the_debits_of_the_last_90_days(int day, bool fires)
    {
        PriorCardDebits(10, 1_000m);
        var fired = _kit.Apply(Debit("big", T0.AddDays(day), "CC-1", 10_000m, null, TransactionKind.CardPurchase));
        Assert.Equal(TriggerHarness.FiredIf(fires, TriggerTypes.LargeOutflow), TriggerHarness.Types(fired));
    }

    // A wealth customer (large-outflow threshold 200,000), so only the external-transfer rule can fire.
    [Theory]
    [InlineData("49999.99", TransactionKind.TransferOut, true, false)]
    [InlineData("50000", TransactionKind.TransferOut, true, true)]
    [InlineData("50000.01", TransactionKind.TransferOut, true, true)]
    [InlineData("150000", TransactionKind.TransferOut, false, false)]
    [InlineData("150000", TransactionKind.Withdrawal, true, false)]
    public void External_transfer_needs_a_transfer_out_to_another_bank_of_at_least_50000(string amount, TransactionKind kind,
        bool external, bool fires)
    {
        _kit.Apply(Opened("e1", T0, "CA-1", AccountType.Current, 1_000_000m));
        var debit = decimal.Parse(amount);
        var fired = _kit.Apply(Debit("e2", T0.AddHours(1), "CA-1", debit, 1_000_000m - debit, kind, new Counterparty("Wang Fang", "ICBC", external)));
        Assert.Equal(TriggerHarness.FiredIf(fires, TriggerTypes.ExternalTransfer), TriggerHarness.Types(fired));
    }

    [Fact]
    public void External_transfer_names_the_other_bank()
    {
        _kit.Apply(Opened("e1", T0, "CA-1", AccountType.Current, 1_000_000m));
        var trigger = Assert.Single(_kit.Apply(Debit("e2", T0.AddHours(1), "CA-1", 50_000m, 950_000m, TransactionKind.TransferOut,
            new Counterparty("Wang Fang", "ICBC", true))));
        Assert.Equal(Severity.High, trigger.Severity);
        Assert.Equal(TriggerFiring.Unassigned, trigger.AdvisorId);
        Assert.Equal("""{"accountId":"CA-1","amount":50000,"bankId":"ICBC","threshold":50000}""", trigger.Facts.Json);
        Assert.Equal("A transfer of 50,000.00 from CA-1 to another bank (ICBC) is at or above 50,000.00: "
            + "call to understand the move and retain the funds.", trigger.Explanation);
    }

    private void PriorCardDebits(int count, decimal each)
    {
        for (var day = 0; day < count; day++)
        {
            Assert.Empty(_kit.Apply(Debit($"d{day}", T0.AddDays(day), "CC-1", each, null, TransactionKind.CardPurchase)));
        }
    }
}
