using Engagement.UnitTests.Rules.Triggers.Explanations;
using Engagement.Customers;
using Engagement.Events;
using Engagement.Rules.Triggers;
using Engagement.State;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary>The SPEC §4 catalogue's categories and default severities, and the private-tier step.</summary>
public sealed class SeverityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TriggerSettings Settings = new();

    public static TheoryData<string, TriggerCategory, Severity> Catalogue => new()
    {
        { "deposit.maturing", TriggerCategory.Product, Severity.Normal },
        { "deposit.matured", TriggerCategory.Product, Severity.High },
        { "payment.due", TriggerCategory.Product, Severity.Normal },
        { "payment.overdue", TriggerCategory.Product, Severity.High },
        { "investment.take_profit", TriggerCategory.Product, Severity.Normal },
        { "investment.stop_loss", TriggerCategory.Product, Severity.High },
        { "investment.dividend", TriggerCategory.Product, Severity.Info },
        { "investment.follow_up", TriggerCategory.Product, Severity.Normal },
        { "customer.onboarding", TriggerCategory.Lifecycle, Severity.Normal },
        { "customer.birthday", TriggerCategory.Lifecycle, Severity.Normal },
        { "customer.anniversary", TriggerCategory.Lifecycle, Severity.Info },
        { "tier.upgraded", TriggerCategory.Lifecycle, Severity.High },
        { "tier.downgrade_risk", TriggerCategory.Lifecycle, Severity.High },
        { "tier.downgraded", TriggerCategory.Lifecycle, Severity.Normal },
        { "lifecycle.decline", TriggerCategory.Lifecycle, Severity.High },
        { "lifecycle.dormant", TriggerCategory.Lifecycle, Severity.Normal },
        { "review.due", TriggerCategory.Lifecycle, Severity.Normal },
        { "points.expiring", TriggerCategory.Lifecycle, Severity.Info },
        { "movement.large_outflow", TriggerCategory.Abnormal, Severity.High },
        { "movement.external_transfer", TriggerCategory.Abnormal, Severity.High },
        { "movement.balance_drop", TriggerCategory.Abnormal, Severity.High },
        { "movement.large_inflow", TriggerCategory.Abnormal, Severity.Normal },
        { "movement.activity_spike", TriggerCategory.Abnormal, Severity.Urgent },
    };

    [Fact]
    public void The_catalogue_is_the_spec_table_and_nothing_more() =>
        Assert.Equal(Catalogue.Select(row => (string)row[0]).Order(StringComparer.Ordinal),
            TriggerTypes.Catalogue.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Standard_and_wealth_customers_get_the_default_severity(string type, TriggerCategory category, Severity severity)
    {
        foreach (var tier in new[] { Tier.Standard, Tier.Wealth })
        {
            var trigger = Fire(type, tier);
            Assert.Equal(category, trigger.Category);
            Assert.Equal(severity, trigger.Severity);
            Assert.Equal(tier, trigger.Tier);
        }
    }

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Private_customers_get_one_step_higher_and_urgent_stays_urgent(string type, TriggerCategory category, Severity severity)
    {
        var trigger = Fire(type, Tier.Private);
        Assert.Equal(category, trigger.Category);
        Assert.Equal(severity switch
        {
            Severity.Info => Severity.Normal,
            Severity.Normal => Severity.High,
            _ => Severity.Urgent,
        }, trigger.Severity);
    }

    [Fact]
    public void A_private_customers_large_outflow_and_spike_are_urgent()
    {
        var kit = new TriggerHarness();
        kit.Apply(Opened("e1", T0, "CA-1", AccountType.Current, 8_000_000m));
        Assert.Equal(Severity.Urgent, Assert.Single(kit.Apply(Debit("e2", T0.AddHours(1), "CA-1", 1_000_000m, 7_000_000m))).Severity);
        kit.Burst("b", T0.AddHours(2), 9);
        Assert.Equal(Severity.Urgent, Assert.Single(kit.Burst("c", T0.AddHours(2).AddMinutes(9), 1)).Severity);
    }

    private static Trigger Fire(string type, Tier tier)
    {
        var state = new CustomerState { Exists = true, Tier = { Current = tier }, Profile = { AdvisorId = "A7" } };
        return TriggerFiring.Fire(state, Customer, new TriggerCandidate(type, "s", T0, null, SampleFacts.For(type), ["e1"]), T0, T0, Settings)
            ?? throw new InvalidOperationException($"{type} did not fire");
    }
}
