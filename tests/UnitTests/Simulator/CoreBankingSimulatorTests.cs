using System.Text;
using System.Text.Json;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.Ingest;
using Engagement.Simulator;
using Engagement.State;

namespace Engagement.UnitTests.Simulator;

public sealed class CoreBankingSimulatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));

    private static List<SimulatedRecord> Run(int seed, int customers = 40, int occurrences = 20_000)
    {
        var simulator = new CoreBankingSimulator(new SimulationOptions { Customers = customers, Seed = seed });
        var records = simulator.Onboarding(Start).ToList();
        for (var i = 1; i <= occurrences; i++)
        {
            // A minute apart: the run spans two weeks, so NAVs move daily and the 7-day deposits mature.
            records.AddRange(simulator.Next(Start.AddMinutes(i)));
        }
        return records;
    }

    [Fact]
    public void The_same_seed_gives_the_same_records_and_another_seed_other_records()
    {
        Assert.Equal(Run(7, occurrences: 2_000), Run(7, occurrences: 2_000));
        Assert.NotEqual(Run(7, occurrences: 2_000).Select(r => r.Value), Run(8, occurrences: 2_000).Select(r => r.Value));
    }

    [Fact]
    public void Every_record_is_valid_input_that_the_rules_apply_without_rejection()
    {
        var parser = new EventParser("CNY");
        var rules = new CustomerRules(new RuleSettings(), new TriggerSettings());
        var states = new Dictionary<string, CustomerState>(StringComparer.Ordinal);
        foreach (var record in Run(7))
        {
            var parsed = parser.Parse(record.Key, Encoding.UTF8.GetBytes(record.Value));
            Assert.True(parsed.Error is null, $"{parsed.Error}: {record.Value}");
            Assert.Equal(record.Topic == CoreBankingTopics.Products, parsed.Nav is not null);
            if (parsed.Customer is { } e)
            {
                var state = states.TryGetValue(e.CustomerId, out var s) ? s : states[e.CustomerId] = new CustomerState();
                Assert.Equal(ApplyStatus.Applied, rules.Apply(state, e, e.OccurredAt).Status);
            }
        }
        Assert.Equal(40, states.Count);
    }

    [Fact]
    public void The_traffic_covers_the_life_of_a_retail_bank_customer()
    {
        var records = Run(7);
        var types = records.Select(r => JsonDocument.Parse(r.Value).RootElement.GetProperty("type").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?>
        {
            "customer.registered", "customer.updated", "customer.advisor_assigned", "customer.consent_changed",
            "account.opened", "account.closed", "deposit.matured", "payment.due", "payment.overdue",
            "investment.purchased", "investment.redeemed", "investment.dividend_paid",
            "transaction.posted", "transaction.reversed", "product.nav_updated",
        }, types);
        Assert.Contains(records, r => r.Value.Contains("\"accountType\":\"term_deposit\"", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Value.Contains("\"kind\":\"salary\"", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Value.Contains("\"external\":true", StringComparison.Ordinal)
            && r.Value.Contains("\"kind\":\"transfer_out\"", StringComparison.Ordinal));
    }
}
