using System.Text.Json;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.Triggers;

namespace Engagement.UnitTests.Rules;

/// <summary><see cref="RuleSetDocument"/>: the rule set as JSON, a change over the figures in force, and each bad figure
/// named.</summary>
public sealed class RuleSetDocumentTests
{
    private static readonly RuleSettings Configured = new() { LedgerEntriesKept = 7 };
    private static readonly TriggerSettings ConfiguredTriggers = new() { Language = Language.ZhCn, ClosedTriggersKept = 3 };

    private static RuleSetParse Change(string json) => RuleSetDocument.Change(json, Configured, ConfiguredTriggers);

    [Fact]
    public void The_document_holds_every_figure_and_none_of_the_engines_own_settings()
    {
        var document = JsonDocument.Parse(RuleSetDocument.ToJson(Configured, ConfiguredTriggers)).RootElement;
        var rules = document.GetProperty("rules").EnumerateObject().Select(p => p.Name).ToList();
        var triggers = document.GetProperty("triggers").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(13, rules.Count);
        Assert.Equal(31, triggers.Count);
        Assert.DoesNotContain("ledgerEntriesKept", rules);
        Assert.DoesNotContain("closedTriggersKept", triggers);
        Assert.DoesNotContain("language", triggers);
        Assert.DoesNotContain("ruleVersion", triggers);
        Assert.Equal(500_000m, document.GetProperty("rules").GetProperty("wealthThreshold").GetDecimal());
        Assert.Equal("7.00:00:00", document.GetProperty("triggers").GetProperty("depositMaturingLead").GetString());
        Assert.Equal("30.00:00:00", document.GetProperty("triggers").GetProperty("cooldowns").GetProperty(TriggerTypes.BalanceDrop).GetString());
    }

    [Fact]
    public void A_change_keeps_every_figure_left_out_and_the_engines_own_settings()
    {
        var change = Change("""{ "triggers": { "standardLargeOutflow": 30000.00, "cooldowns": { "movement.large_outflow": "1.00:00:00" } } }""");

        Assert.Empty(change.Problems);
        Assert.Equal(30_000.00m, change.Triggers!.StandardLargeOutflow);
        Assert.Equal(200_000m, change.Triggers.WealthLargeOutflow);
        Assert.Equal(TimeSpan.FromDays(1), change.Triggers.CooldownOf(TriggerTypes.LargeOutflow));
        Assert.Equal(TimeSpan.FromDays(30), change.Triggers.CooldownOf(TriggerTypes.BalanceDrop));
        Assert.Equal((Language.ZhCn, 3), (change.Triggers.Language, change.Triggers.ClosedTriggersKept));
        Assert.Equal((500_000m, 7), (change.Rules!.WealthThreshold, change.Rules.LedgerEntriesKept));
        Assert.Equal(50_000m, ConfiguredTriggers.StandardLargeOutflow);
        Assert.Equal(TimeSpan.FromDays(7), ConfiguredTriggers.CooldownOf(TriggerTypes.LargeOutflow));
    }

    [Fact]
    public void A_document_read_back_gives_the_same_figures_under_its_version()
    {
        var changed = Change("""{ "rules": { "pointsLifetimeMonths": 12 }, "triggers": { "advisorDailyCap": 5 } }""");
        var stored = new RuleSetVersion(4, RuleSetDocument.ToJson(changed.Rules!, changed.Triggers!), DateTimeOffset.UnixEpoch, "S1");

        var (rules, triggers) = RuleSetDocument.Read(stored, Configured, ConfiguredTriggers);

        Assert.Equal(stored.Figures, RuleSetDocument.ToJson(rules, triggers));
        Assert.Equal((12, 5, 4, 7), (rules.PointsLifetimeMonths, triggers.AdvisorDailyCap, triggers.RuleVersion, rules.LedgerEntriesKept));
    }

    [Fact]
    public void A_body_read_from_the_api_is_a_valid_change()
    {
        var body = """{ "version": 3, "createdAt": null, "createdBy": "configuration", "rules": {}, "triggers": {} }""";

        Assert.Empty(Change(body).Problems);
    }

    [Fact]
    public void Every_bad_figure_is_named_and_nothing_is_taken()
    {
        var change = Change("""
            { "rules": { "wealthThreshold": "lots", "tierBonus": 1 },
              "triggers": { "depositMaturingLead": 7, "spikeDebits": 2.5, "cooldowns": { "movement.nothing": "1.00:00:00" } },
              "limits": {} }
            """);

        Assert.Null(change.Rules);
        Assert.Equal(
        [
            "rules.wealthThreshold must be a number",
            "rules.tierBonus is not a figure of the rule set",
            "triggers.depositMaturingLead must be a duration such as \"7.00:00:00\"",
            "triggers.spikeDebits must be a whole number",
            "limits is not part of a rule set (rules, triggers)",
        ], change.Problems);
    }

    [Fact]
    public void Figures_that_read_but_break_a_rule_are_named_as_the_document_names_them()
    {
        var change = Change("""
            { "rules": { "privateThreshold": 400000 },
              "triggers": { "standardLargeOutflow": -1, "cooldowns": { "movement.nothing": "1.00:00:00" } } }
            """);

        Assert.Equal(
        [
            "rules.privateThreshold must be more than Rules:WealthThreshold (500000; got 400000)",
            "triggers.standardLargeOutflow must be more than 0 (got -1)",
            "triggers.cooldowns.movement.nothing is not a trigger type",
        ], change.Problems);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("not json")]
    [InlineData("""{ "rules": 5 }""")]
    public void A_body_that_is_not_a_rule_set_says_so(string body) =>
        Assert.Single(Change(body).Problems);
}
