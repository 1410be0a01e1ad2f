using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Engagement.Api.Auth;
using Engagement.EndToEndTests.Support;
using Engagement.Silo.Kafka;

namespace Engagement.EndToEndTests.Engine;

/// <summary><c>POST /api/rules/backtest</c> (SPEC §5): the retained input folded through the rules in force and a
/// candidate, with exact counts per type and per advisor under each, and nothing live changed or published.</summary>
[Collection(EngineCollection.Name)]
public sealed class BacktestTests(EngineFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    // Four customers on the test's own topics. C1 (advisor A1) withdraws 40,000.00 and 35,000.00 of 200,000.00: below the
    // large-outflow threshold in force (50,000), above the candidate's (30,000). C2 (A2) sends 60,000.00 to another
    // bank: an external transfer under both. C3 (A1) makes a card purchase: nothing under either. C4 (A2) withdraws
    // 60,000.00, a large outflow under both, which A2 wins: the one past outcome of standard large outflows, so the two
    // the candidate adds are expected to bring 2 sales.
    [Fact]
    public async Task A_back_test_counts_both_rule_sets_exactly_and_changes_nothing_live()
    {
        var (triggers, deadLetters) = ($"bt-tr-{_run}", $"bt-dl-{_run}");
        fixture.CreateTopics(new KafkaTopicSpec(triggers, 1), new KafkaTopicSpec(deadLetters, 1));
        var settings = fixture.EngineSettings($"bt-{_run}");
        settings["Kafka:TriggersTopic"] = triggers;
        settings["Kafka:DeadLetterTopic"] = deadLetters;
        var (engine, input) = await fixture.StartOnOwnTopicsAsync(settings, $"bt-in-{_run}", 4, 2);
        await using var _ = engine;
        using var producer = new TestProducer(fixture.BootstrapServers);
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        var (c1, c2, c3, c4, a1, a2) = ($"B1-{_run}", $"B2-{_run}", $"B3-{_run}", $"B4-{_run}", $"A1-{_run}", $"A2-{_run}");
        await producer.SendAsync(input, c1, Json.Registered($"{c1}-1", c1, at, a1));
        await producer.SendAsync(input, c1, Json.Opened($"{c1}-2", c1, at, "S-1", "savings", 200_000m));
        await producer.SendAsync(input, c1, Json.Posted($"{c1}-3", c1, at.AddMinutes(1), "S-1", "debit", "withdrawal", 40_000m, 160_000m));
        await producer.SendAsync(input, c1, Json.Posted($"{c1}-4", c1, at.AddMinutes(2), "S-1", "debit", "withdrawal", 35_000m, 125_000m));
        await producer.SendAsync(input, c2, Json.Registered($"{c2}-1", c2, at, a2));
        await producer.SendAsync(input, c2, Json.Opened($"{c2}-2", c2, at, "S-1", "savings", 100_000m));
        await producer.SendAsync(input, c2, Json.ExternalTransfer($"{c2}-3", c2, at.AddMinutes(1), "S-1", 60_000m, 40_000m));
        await producer.SendAsync(input, c3, Json.Registered($"{c3}-1", c3, at, a1));
        await producer.SendAsync(input, c3, Json.Opened($"{c3}-2", c3, at, "S-1", "savings", 10_000m));
        await producer.SendAsync(input, c3, Json.Posted($"{c3}-3", c3, at.AddMinutes(1), "S-1", "debit", "card_purchase", 100m, 9_900m));
        await producer.SendAsync(input, c4, Json.Registered($"{c4}-1", c4, at, a2));
        await producer.SendAsync(input, c4, Json.Opened($"{c4}-2", c4, at, "S-1", "savings", 100_000m));
        await producer.SendAsync(input, c4, Json.Posted($"{c4}-3", c4, at.AddMinutes(1), "S-1", "debit", "withdrawal", 60_000m, 40_000m));
        foreach (var (c, events) in new[] { (c1, 4L), (c2, 3L), (c3, 3L), (c4, 3L) })
        {
            await engine.CustomerAfterAsync(c, events);
        }
        await AdvisorCommands.RecordOutcomeAsync(engine.Http, engine.Token(Roles.Advisor, a2), a2, c4, "movement.large_outflow", "won");
        await Eventually.MatchAsync(() => MetricsScrape.TakeAsync(engine.Http),
            s => s.Values("engine_triggers_conversion", ("type", "movement.large_outflow"), ("tier", "standard")).SequenceEqual([1.0]),
            Deadline, "the won large outflow to count in the conversion");
        using (var reader = new TopicReader(fixture.BootstrapServers, triggers))
        {
            reader.ReadUntil(r => r.Count == 7, Deadline);
        }
        var customers = new[] { c1, c2, c3, c4 };
        var before = await LiveAsync(engine, customers, [a1, a2], [triggers, deadLetters, input]);

        var (candidate, window) = ("""{ "triggers": { "standardLargeOutflow": 30000 } }""", (From: at.AddHours(-1), To: DateTimeOffset.UtcNow));
        using var response = await engine.SendAsync(HttpMethod.Post, "/api/rules/backtest?wait=30", engine.Token(Roles.Supervisor),
            new StringContent($$"""{ "rules": {{candidate}}, "from": "{{Json.Stamp(window.From)}}", "to": "{{Json.Stamp(window.To)}}" }""",
                Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("done", report.GetProperty("status").GetString());
        Assert.Equal((1, 6, 8), (report.GetProperty("inForce").GetProperty("version").GetInt32(),
            report.GetProperty("inForce").GetProperty("triggers").GetInt32(), report.GetProperty("candidate").GetProperty("triggers").GetInt32()));
        Assert.Equal((13, 13L, 4), (report.GetProperty("progress").GetProperty("recordsTotal").GetInt32(),
            report.GetProperty("progress").GetProperty("eventsFolded").GetInt64(), report.GetProperty("progress").GetProperty("customers").GetInt32()));
        Assert.Equal(
            [("customer.onboarding", 4, 4, 0, 0), ("movement.external_transfer", 1, 1, 0, 0), ("movement.large_outflow", 1, 3, 2, 0)],
            report.GetProperty("byType").EnumerateObject().Select(t => (t.Name, t.Value.GetProperty("inForce").GetInt32(),
                t.Value.GetProperty("candidate").GetInt32(), t.Value.GetProperty("added").GetInt32(), t.Value.GetProperty("removed").GetInt32())));
        Assert.Equal([(a1, 2, 4), (a2, 4, 4)], report.GetProperty("byAdvisor").EnumerateObject()
            .Select(a => (a.Name, a.Value.GetProperty("inForce").GetInt32(), a.Value.GetProperty("candidate").GetInt32())));
        var outflows = report.GetProperty("byType").GetProperty("movement.large_outflow");
        Assert.Equal((2.00m, 0m, 1m), (outflows.GetProperty("expectedWonAdded").GetDecimal(), outflows.GetProperty("expectedWonRemoved").GetDecimal(),
            outflows.GetProperty("conversion").GetProperty("standard").GetDecimal()));
        var examples = outflows.GetProperty("examples").EnumerateArray().ToList();
        Assert.Equal([("added", c1, a1, "standard"), ("added", c1, a1, "standard")], examples.Select(e => (e.GetProperty("change").GetString(),
            e.GetProperty("customerId").GetString(), e.GetProperty("advisorId").GetString(), e.GetProperty("tier").GetString())));
        Assert.Contains("40,000.00", examples[0].GetProperty("explanation").GetString());
        Assert.Contains("35,000.00", examples[1].GetProperty("explanation").GetString());

        var tool = await RunToolAsync(candidate, $"{input},bt-in-{_run}-1,bt-in-{_run}-2,bt-in-{_run}-3", window);
        // The tool has no past outcomes to weigh the differences by; the counts are the same.
        foreach (var type in new[] { "customer.onboarding", "movement.external_transfer", "movement.large_outflow" })
        {
            var (api, cli) = (JsonNode.Parse(report.GetProperty("byType").GetProperty(type).GetRawText())!.AsObject(), tool["byType"]![type]!.AsObject());
            Assert.Equal((api["inForce"]!.GetValue<int>(), api["candidate"]!.GetValue<int>(), api["added"]!.GetValue<int>(), api["removed"]!.GetValue<int>()),
                (cli["inForce"]!.GetValue<int>(), cli["candidate"]!.GetValue<int>(), cli["added"]!.GetValue<int>(), cli["removed"]!.GetValue<int>()));
            Assert.True(JsonNode.DeepEquals(api["examples"], cli["examples"]));
        }
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(report.GetProperty("byAdvisor").GetRawText()), tool["byAdvisor"]));

        Assert.Equal(before, await LiveAsync(engine, customers, [a1, a2], [triggers, deadLetters, input]));
        using var polled = await engine.SendAsync(HttpMethod.Get, $"/api/rules/backtests/{report.GetProperty("backtestId").GetString()}",
            engine.Token(Roles.Supervisor), null);
        Assert.Equal(HttpStatusCode.OK, polled.StatusCode);
    }

    [Fact]
    public async Task A_back_test_is_for_supervisors_and_an_invalid_candidate_names_its_figures()
    {
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"bt-bad-{_run}"));
        var body = """{ "rules": { "triggers": { "standardLargeOutflow": 0 } } }""";

        using var bad = await engine.SendAsync(HttpMethod.Post, "/api/rules/backtest", engine.Token(Roles.Supervisor),
            new StringContent(body, Encoding.UTF8, "application/json"));
        using var missing = await engine.SendAsync(HttpMethod.Post, "/api/rules/backtest", engine.Token(Roles.Supervisor),
            new StringContent("{}", Encoding.UTF8, "application/json"));
        using var advisor = await engine.SendAsync(HttpMethod.Post, "/api/rules/backtest", engine.Token(Roles.Advisor, "A7"),
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden), (bad.StatusCode, missing.StatusCode, advisor.StatusCode));
        Assert.Equal(["triggers.standardLargeOutflow"],
            (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(404, await engine.StatusAsync("/api/rules/backtests/nothing-here", engine.Token(Roles.Supervisor)));
    }

    // tools/Backtest over the same topics and window, as an operator runs it: its report on stdout.
    private async Task<JsonNode> RunToolAsync(string candidate, string topics, (DateTimeOffset From, DateTimeOffset To) window)
    {
        var file = Path.Combine(Path.GetTempPath(), $"candidate-{_run}.json");
        await File.WriteAllTextAsync(file, candidate);
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Engagement.Backtest.dll"),
                "--bootstrap-servers", fixture.BootstrapServers, "--candidate", file, "--topics", topics,
                "--from", Json.Stamp(window.From), "--to", Json.Stamp(window.To)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var tool = Process.Start(start)!;
            var output = tool.StandardOutput.ReadToEndAsync();
            var errors = tool.StandardError.ReadToEndAsync();
            await tool.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(tool.ExitCode == 0, await errors);
            return JsonNode.Parse(await output)!;
        }
        finally
        {
            File.Delete(file);
        }
    }

    // What a back-test must leave as it was: the customers' states, the advisors' inboxes, every topic's size and the rule
    // set in force.
    private async Task<string> LiveAsync(TestEngine engine, string[] customers, string[] advisors, string[] topics)
    {
        var parts = new List<string>();
        foreach (var c in customers)
        {
            parts.Add((await engine.GetJsonAsync($"/api/customers/{c}"))!.Value.GetRawText());
            parts.Add((await engine.GetJsonAsync($"/api/customers/{c}/triggers"))!.Value.GetRawText());
        }
        foreach (var a in advisors)
        {
            parts.Add((await engine.GetJsonAsync($"/api/advisors/{a}/triggers"))!.Value.GetRawText());
        }
        parts.Add((await engine.GetJsonAsync("/api/rules"))!.Value.GetRawText());
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = fixture.BootstrapServers, GroupId = $"sizes-{_run}" }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = fixture.BootstrapServers }).Build();
        foreach (var topic in topics)
        {
            var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions;
            parts.Add($"{topic}: {partitions.Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p.PartitionId), TimeSpan.FromSeconds(10)).High.Value)}");
        }
        return string.Join("\n", parts);
    }
}
