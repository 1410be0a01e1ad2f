using System.Text.RegularExpressions;
using Engagement.Products;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.Ingest;
using Engagement.State;
using Engagement.Testing;

namespace Engagement.UnitTests.Ingest;

/// <summary>The parser against 100,000 seeded hostile records: it never throws, it answers with exactly one of an event,
/// a NAV update or a reason code, and the rules can run every event it accepts.</summary>
public sealed partial class ParserPropertyTests
{
    private const int Cases = 100_000;

    [Fact]
    public void Every_mutation_parses_to_an_event_or_a_reason_and_the_rules_run_every_event()
    {
        var parser = new EventParser("CNY");
        var rules = new CustomerRules(new RuleSettings(), new TriggerSettings());
        var fuzzer = new PayloadFuzzer(seed: 20261120);
        var state = new CustomerState();
        var at = new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.FromHours(8));
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < Cases; n++)
        {
            var payload = fuzzer.Next($"e-{n}", "C1", "F-1", at.AddMinutes(n));
            var parsed = parser.Parse(payload.Key, payload.Value);
            Assert.True((parsed.Customer is null ? 0 : 1) + (parsed.Nav is null ? 0 : 1) + (parsed.Error is null ? 0 : 1) == 1,
                $"case {n} ({payload.Mutation}) answered {parsed}");
            if (parsed.Error is { } reason)
            {
                Assert.True(ReasonCode().IsMatch(reason), $"case {n} ({payload.Mutation}): reason {reason}");
                outcomes[reason.Split(':')[0]] = outcomes.GetValueOrDefault(reason.Split(':')[0]) + 1;
                continue;
            }
            outcomes["accepted"] = outcomes.GetValueOrDefault("accepted") + 1;
            var now = parsed.Customer?.OccurredAt ?? parsed.Nav!.OccurredAt;
            if (parsed.Customer is { } e)
            {
                rules.Apply(state, e, now);
            }
            else if (parsed.Nav is { } nav)
            {
                rules.ApplyNav(state, "C1", new ProductNav(nav.ProductId, nav.Nav, nav.AsOf), now);
            }
            if (rules.NextDue(state, now) is { } due)
            {
                rules.AdvanceClock(state, "C1", due);
            }
        }
        // Every family of outcome occurs, so the generator reaches each guard.
        Assert.All(new[] { "accepted", "invalid_json", "invalid_encoding", "too_deep", "duplicate_field", "out_of_range", "invalid_field",
            "missing_field", "non_positive", "unknown_type", "key_mismatch" }, family => Assert.True(outcomes.GetValueOrDefault(family) > 50,
            $"{family}: {outcomes.GetValueOrDefault(family)} of {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}"));
    }

    [GeneratedRegex(@"^(invalid_json|invalid_encoding|too_deep|unknown_type|unsupported_currency|key_mismatch|duplicate_field"
        + @"|(missing_field|invalid_field|non_positive|out_of_range|duplicate_field):[A-Za-z0-9_.-]{1,64})$")]
    private static partial Regex ReasonCode();
}
