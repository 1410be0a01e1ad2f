using System.Net;
using Engagement.Advisors;
using Engagement.Api.Auth;
using Engagement.Customers;
using Engagement.EndToEndTests.Support;
using Engagement.Silo.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.EndToEndTests.Engine;

/// <summary>Outcomes recorded through the API show, per trigger type and tier, as the exact conversion over every
/// advisor: on <c>GET /metrics</c> and from the silo's conversion service.</summary>
[Collection(EngineCollection.Name)]
public sealed class ConversionTests(EngineFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Won_lost_and_reached_outcomes_show_as_the_exact_conversion_per_type_and_tier_over_every_advisor()
    {
        // A topic of its own: an engine in a new group would otherwise read every earlier test's records.
        var input = $"conv-{_run}";
        fixture.CreateTopics(new KafkaTopicSpec(input, 2));
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"conv-{_run}"),
            services: s => s.PostConfigure<KafkaOptions>(o => o.Topics = [input]));
        using var producer = new TestProducer(fixture.BootstrapServers);
        var (standardAdvisor, wealthAdvisor) = ($"AS-{_run}", $"AW-{_run}");
        var at = DateTimeOffset.UtcNow;
        var maturity = DateOnly.FromDateTime(at.UtcDateTime.AddDays(200));
        var standard = Enumerable.Range(1, 3).Select(i => $"S{i}-{_run}").ToList();
        var wealth = Enumerable.Range(1, 2).Select(i => $"W{i}-{_run}").ToList();
        foreach (var c in standard)
        {
            await producer.SendAsync(input, c, Json.Registered($"{c}-1", c, at, standardAdvisor));
            await producer.SendAsync(input, c, Json.Opened($"{c}-2", c, at, "TD-1", "term_deposit", 50_000m, maturity));
            await producer.SendAsync(input, c, Json.Matured($"{c}-3", c, at.AddMinutes(1), "TD-1", 50_000m));
        }
        foreach (var c in wealth)
        {
            await producer.SendAsync(input, c, Json.Registered($"{c}-1", c, at, wealthAdvisor));
            await producer.SendAsync(input, c, Json.Opened($"{c}-2", c, at, "S-1", "savings", 600_000m));
            await producer.SendAsync(input, c, Json.Opened($"{c}-3", c, at, "TD-1", "term_deposit", 100_000m, maturity));
            await producer.SendAsync(input, c, Json.Matured($"{c}-4", c, at.AddMinutes(1), "TD-1", 100_000m));
        }
        var (s1, s2, s3, w1, w2) = (standard[0], standard[1], standard[2], wealth[0], wealth[1]);

        // Left open: S2's onboarding, S3's (acknowledged only) and W2's upgrade.
        await OutcomeAsync(engine, standardAdvisor, s1, "deposit.matured", "won");
        await OutcomeAsync(engine, standardAdvisor, s1, "customer.onboarding", "won");
        await OutcomeAsync(engine, standardAdvisor, s2, "deposit.matured", "lost");
        await OutcomeAsync(engine, standardAdvisor, s3, "deposit.matured", "reached");
        await OutcomeAsync(engine, standardAdvisor, s3, "customer.onboarding", "acknowledged");
        var w1Matured = await OutcomeAsync(engine, wealthAdvisor, w1, "deposit.matured", "won");
        await OutcomeAsync(engine, wealthAdvisor, w1, "customer.onboarding", "won");
        await OutcomeAsync(engine, wealthAdvisor, w1, "tier.upgraded", "won");
        await OutcomeAsync(engine, wealthAdvisor, w2, "deposit.matured", "lost");
        await OutcomeAsync(engine, wealthAdvisor, w2, "customer.onboarding", "reached");
        using (var again = await engine.SendAsync(HttpMethod.Post, $"/api/advisors/{wealthAdvisor}/triggers/{w1Matured}/outcome",
                   engine.Token(Roles.Advisor, wealthAdvisor), new { outcome = "won" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        // The customers registered before any account, so their onboarding is of the standard tier.
        ConversionRate[] expected =
        [
            new("customer.onboarding", Tier.Standard, 3, 2, 0.6667m),
            new("deposit.matured", Tier.Standard, 3, 1, 0.3333m),
            new("deposit.matured", Tier.Wealth, 2, 1, 0.5m),
            new("tier.upgraded", Tier.Wealth, 1, 1, 1m),
        ];
        var scrape = await Eventually.MatchAsync(() => MetricsScrape.TakeAsync(engine.Http),
            s => Series(s, "engine_triggers_conversion").Count == expected.Length
                && Series(s, "engine_triggers_closed_90d").Values.Sum() == expected.Sum(r => r.Closed),
            Deadline, "the conversion gauges to show every outcome");
        Assert.Equal(expected.ToDictionary(Key, r => (double)r.Conversion!.Value), Series(scrape, "engine_triggers_conversion"));
        Assert.Equal(expected.ToDictionary(Key, r => (double)r.Closed), Series(scrape, "engine_triggers_closed_90d"));
        Assert.Equal(expected.ToDictionary(Key, r => (double)r.Won), Series(scrape, "engine_triggers_won_90d"));

        var asked = DateOnly.FromDateTime(DateTime.UtcNow);
        var table = await engine.Services.GetRequiredService<IConversionRates>().CurrentAsync(CancellationToken.None);
        Assert.Equal(expected, table.Rates);
        Assert.InRange(table.Through, asked, DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(table.Through.AddDays(-89), table.From);
        Assert.Equal(new ConversionRate("tier.upgraded", Tier.Standard, 0, 0, null), table.Rate("tier.upgraded", Tier.Standard));
    }

    private static Task<string> OutcomeAsync(TestEngine engine, string advisorId, string customerId, string type, string outcome) =>
        AdvisorCommands.RecordOutcomeAsync(engine.Http, engine.Token(Roles.Advisor, advisorId), advisorId, customerId, type, outcome);

    private static string Key(ConversionRate rate) => $"{rate.Type}/{rate.Tier.ToString().ToLowerInvariant()}";

    private static Dictionary<string, double> Series(MetricsScrape scrape, string name) =>
        scrape.Samples(name).ToDictionary(s => $"{s.Labels["type"]}/{s.Labels["tier"]}", s => s.Value);
}
