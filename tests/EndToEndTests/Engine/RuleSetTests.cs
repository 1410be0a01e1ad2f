using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Engagement.Api.Auth;
using Engagement.EndToEndTests.Support;

namespace Engagement.EndToEndTests.Engine;

/// <summary>The rule set as data (SPEC §5): a change applies to the very next event without a restart, every trigger
/// names the version that fired it, versions are kept and durable, and a bad change names each bad figure and changes
/// nothing. Each test runs its own engine on its own table, so its rule set is its own.</summary>
[Collection(EngineCollection.Name)]
public sealed class RuleSetTests(EngineFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    // A standard customer's 40,000.00 withdrawal is below the large-outflow threshold of 50,000; a supervisor lowers it to
    // 30,000 and the next withdrawal, 35,000.00, is a large outflow under version 2. After a restart version 2 is still
    // in force (a 32,000.00 withdrawal a week later is a large outflow too) and version 1 still readable.
    [Fact]
    public async Task A_lower_large_outflow_threshold_changes_the_very_next_events_triggers_and_is_kept_across_a_restart()
    {
        var settings = fixture.EngineSettings($"rules-{_run}");
        using var producer = new TestProducer(fixture.BootstrapServers);
        var (c, at) = ($"RS-{_run}", DateTimeOffset.UtcNow.AddDays(-1));
        await using (var engine = await TestEngine.StartAsync(settings))
        {
            var first = await RulesAsync(engine, "/api/rules");
            Assert.Equal((1, "configuration", 50_000m), (first.GetProperty("version").GetInt32(), first.GetProperty("createdBy").GetString(),
                first.GetProperty("triggers").GetProperty("standardLargeOutflow").GetDecimal()));

            await producer.SendAsync("cb.customers", c, Json.Registered($"{c}-1", c, at, "A7"));
            await producer.SendAsync("cb.accounts", c, Json.Opened($"{c}-2", c, at, "S-1", "savings", 200_000m));
            await producer.SendAsync("cb.transactions", c, Json.Posted($"{c}-3", c, at.AddMinutes(1), "S-1", "debit", "withdrawal", 40_000m, 160_000m));
            await engine.CustomerAfterAsync(c, 3);
            Assert.Equal([("customer.onboarding", 1)], await TriggersAsync(engine, c));

            using (var put = await PutAsync(engine, """{ "triggers": { "standardLargeOutflow": 30000.00 } }"""))
            {
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
                var accepted = await put.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal((2, "supervisor", 30_000m, 200_000m), (accepted.GetProperty("version").GetInt32(), accepted.GetProperty("createdBy").GetString(),
                    accepted.GetProperty("triggers").GetProperty("standardLargeOutflow").GetDecimal(),
                    accepted.GetProperty("triggers").GetProperty("wealthLargeOutflow").GetDecimal()));
            }

            await producer.SendAsync("cb.transactions", c, Json.Posted($"{c}-4", c, at.AddMinutes(2), "S-1", "debit", "withdrawal", 35_000m, 125_000m));
            await engine.CustomerAfterAsync(c, 4);
            Assert.Equal([("customer.onboarding", 1), ("movement.large_outflow", 2)], await TriggersAsync(engine, c));
        }

        await using (var restarted = await TestEngine.StartAsync(settings))
        {
            var current = await RulesAsync(restarted, "/api/rules");
            Assert.Equal((2, 30_000m), (current.GetProperty("version").GetInt32(), current.GetProperty("triggers").GetProperty("standardLargeOutflow").GetDecimal()));
            var old = await RulesAsync(restarted, "/api/rules/1");
            Assert.Equal((1, 50_000m), (old.GetProperty("version").GetInt32(), old.GetProperty("triggers").GetProperty("standardLargeOutflow").GetDecimal()));
            Assert.Equal(404, await restarted.StatusAsync("/api/rules/3", restarted.Token(Roles.Service)));

            await producer.SendAsync("cb.transactions", c, Json.Posted($"{c}-5", c, at.AddDays(8), "S-1", "debit", "withdrawal", 32_000m, 93_000m));
            await restarted.CustomerAfterAsync(c, 5);
            Assert.Equal([("customer.onboarding", 1), ("movement.large_outflow", 2), ("movement.large_outflow", 2)], await TriggersAsync(restarted, c));
        }
    }

    [Fact]
    public async Task An_invalid_change_names_every_bad_figure_and_changes_nothing()
    {
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"rules-bad-{_run}"));

        using var put = await PutAsync(engine, """
            { "rules": { "privateThreshold": 100000 }, "triggers": { "standardLargeOutflow": -1, "largeOutflow": 5 } }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["triggers.largeOutflow"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("triggers.largeOutflow is not a figure of the rule set.", problem.GetProperty("detail").GetString());

        using var malformed = await PutAsync(engine, """{ "rules": { "privateThreshold": 100000 }, "triggers": { "standardLargeOutflow": -1 } }""");
        var errors = (await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(
            [
                ("rules.privateThreshold", "rules.privateThreshold must be more than Rules:WealthThreshold (500000; got 100000)"),
                ("triggers.standardLargeOutflow", "triggers.standardLargeOutflow must be more than 0 (got -1)"),
            ],
            errors.EnumerateObject().Select(e => (e.Name, e.Value[0].GetString()!)));

        var current = await RulesAsync(engine, "/api/rules");
        Assert.Equal((1, 50_000m, 6_000_000m), (current.GetProperty("version").GetInt32(),
            current.GetProperty("triggers").GetProperty("standardLargeOutflow").GetDecimal(), current.GetProperty("rules").GetProperty("privateThreshold").GetDecimal()));
    }

    [Fact]
    public async Task Supervisors_change_the_rules_services_read_them_and_advisors_do_neither()
    {
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"rules-access-{_run}"));

        Assert.Equal(200, await engine.StatusAsync("/api/rules", engine.Token(Roles.Supervisor)));
        Assert.Equal(403, await engine.StatusAsync("/api/rules", engine.Token(Roles.Advisor, "A7")));
        Assert.Equal(403, await engine.StatusAsync("/api/rules/1", engine.Token(Roles.Advisor, "A7")));
        Assert.Equal(401, await engine.StatusAsync("/api/rules"));
        foreach (var (token, status) in new[] { (engine.Token(Roles.Service), 403), (engine.Token(Roles.Advisor, "A7"), 403), ((string?)null, 401) })
        {
            using var put = await engine.SendAsync(HttpMethod.Put, "/api/rules", token, new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.Equal(status, (int)put.StatusCode);
        }
        Assert.Equal(1, (await RulesAsync(engine, "/api/rules")).GetProperty("version").GetInt32());
    }

    // Two silos as scripts/cluster.sh starts them: a change put through one is in force on the other when it is answered,
    // and every customer's next event, wherever its grain lives, fires under it.
    [Fact]
    public async Task A_change_put_through_one_silo_is_in_force_on_every_silo_when_answered()
    {
        var settings = fixture.ClusterSettings($"rules-cluster-{_run}", partitions: 8);
        var topic = settings["Kafka:Topics:0"]!;
        await using var first = await EngineProcess.StartAsync(settings);
        await using var second = await EngineProcess.StartAsync(settings);
        using var producer = new TestProducer(fixture.BootstrapServers);
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        var customers = Enumerable.Range(1, 12).Select(i => $"RC{i}-{_run}").ToList();
        foreach (var c in customers)
        {
            await producer.SendAsync(topic, c, Json.Registered($"{c}-1", c, at, "A7"));
            await producer.SendAsync(topic, c, Json.Opened($"{c}-2", c, at, "S-1", "savings", 200_000m));
        }
        var service = Tokens.Valid(Roles.Service);
        foreach (var c in customers)
        {
            await Eventually.MatchAsync(() => second.Http.GetJsonAsync($"/api/customers/{c}", service),
                v => v is { } view && view.GetProperty("eventsApplied").GetInt64() == 2, TimeSpan.FromSeconds(60), $"{c} to apply 2 events");
        }

        using (var put = await first.Http.SendAsync(HttpMethod.Put, "/api/rules", Tokens.Valid(Roles.Supervisor),
                   new StringContent("""{ "triggers": { "standardLargeOutflow": 30000 } }""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        var seen = (await second.Http.GetJsonAsync("/api/rules", service))!.Value;
        Assert.Equal((2, 30_000m), (seen.GetProperty("version").GetInt32(), seen.GetProperty("triggers").GetProperty("standardLargeOutflow").GetDecimal()));

        foreach (var c in customers)
        {
            await producer.SendAsync(topic, c, Json.Posted($"{c}-3", c, at.AddMinutes(1), "S-1", "debit", "withdrawal", 40_000m, 160_000m));
        }
        foreach (var c in customers)
        {
            var triggers = await Eventually.MatchAsync(() => first.Http.GetJsonAsync($"/api/customers/{c}/triggers", service),
                t => t is { } list && list.GetArrayLength() == 2, TimeSpan.FromSeconds(60), $"{c}'s large outflow");
            Assert.Equal([("customer.onboarding", 1), ("movement.large_outflow", 2)], triggers!.Value.EnumerateArray()
                .Select(t => (t.GetProperty("type").GetString()!, t.GetProperty("ruleVersion").GetInt32())).Order().ToArray());
        }
    }

    private static async Task<JsonElement> RulesAsync(TestEngine engine, string path) =>
        (await engine.GetJsonAsync(path, engine.Token(Roles.Service)))!.Value;

    private static Task<HttpResponseMessage> PutAsync(TestEngine engine, string body) =>
        engine.SendAsync(HttpMethod.Put, "/api/rules", engine.Token(Roles.Supervisor), new StringContent(body, Encoding.UTF8, "application/json"));

    // The customer's triggers by type, each with the version of the rule set that fired it.
    private static async Task<(string Type, int RuleVersion)[]> TriggersAsync(TestEngine engine, string customerId) =>
        (await engine.GetJsonAsync($"/api/customers/{customerId}/triggers"))!.Value.EnumerateArray()
            .Select(t => (t.GetProperty("type").GetString()!, t.GetProperty("ruleVersion").GetInt32()))
            .Order()
            .ToArray();
}
