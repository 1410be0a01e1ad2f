using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Engagement.Api;
using Engagement.EndToEndTests.Support;

namespace Engagement.EndToEndTests.Engine;

/// <summary>What a SIGKILL can and cannot take: triggers published before their checkpoint come back with the same id
/// and content, and commands answered 200 are durable.</summary>
[Collection(EngineCollection.Name)]
public sealed class DurabilityTests(EngineFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private string Customer => $"K{_run}";
    private string Advisor => $"AK{_run}";

    [Fact]
    public async Task A_trigger_published_before_its_checkpoint_is_published_again_after_a_crash_with_the_same_id_and_content()
    {
        var settings = fixture.EngineSettings($"republish-{_run}");
        // No checkpoint is taken before the kill: the trigger is out, the state that fired it is not durable.
        settings["Checkpoints:Interval"] = "01:00:00";
        using var triggers = new TopicReader(fixture.BootstrapServers, "eng.triggers");
        var doomed = await EngineProcess.StartAsync(settings);
        await ProduceOpeningAndTransferAsync();
        var first = Single(triggers.ReadUntil(read => TransfersOf(read).Count >= 1, TimeSpan.FromSeconds(30)));
        await doomed.KillAsync();
        await doomed.DisposeAsync();

        settings.Remove("Checkpoints:Interval");
        await using var revived = await EngineProcess.StartAsync(settings);
        var published = TransfersOf(triggers.ReadUntil(read => TransfersOf(read).Count >= 1, TimeSpan.FromSeconds(60)));
        var again = Assert.Single(published);
        Assert.Equal(first.Value, again.Value);
        var triggerId = JsonDocument.Parse(first.Value).RootElement.GetProperty("triggerId").GetString();

        var token = Tokens.Valid("advisor", Advisor);
        var inbox = await Eventually.MatchAsync(() => revived.Http.GetJsonAsync($"/api/advisors/{Advisor}/triggers", token),
            i => i is { } array && array.EnumerateArray().Any(t => t.GetProperty("type").GetString() == "customer.onboarding"),
            TimeSpan.FromSeconds(30), "the inbox after the restart");
        Assert.Single(inbox!.Value.EnumerateArray(), t => t.GetProperty("triggerId").GetString() == triggerId);
        var state = await Eventually.MatchAsync(() => revived.Http.GetJsonAsync($"/api/customers/{Customer}", token),
            c => c is { } s && s.GetProperty("eventsApplied").GetInt64() == 3, TimeSpan.FromSeconds(30), "the replayed customer");
        Assert.Equal(40_000.00m, state!.Value.GetProperty("aum").GetDecimal());
    }

    [Fact]
    public async Task A_redemption_and_an_outcome_answered_200_survive_a_sigkill_right_after_the_answer()
    {
        var settings = fixture.EngineSettings($"commands-{_run}");
        var token = Tokens.Valid("advisor", Advisor);
        var doomed = await EngineProcess.StartAsync(settings);
        using (var producer = new TestProducer(fixture.BootstrapServers))
        {
            var at = DateTimeOffset.UtcNow;
            await producer.SendAsync("cb.customers", Customer, Json.Registered($"{Customer}-1", Customer, at, Advisor));
            // floor(12,345.60 × 0.1) = 1,234 points.
            await producer.SendAsync("cb.transactions", Customer,
                Json.Posted($"{Customer}-2", Customer, at, "CC-1", "debit", "card_purchase", 12_345.60m, null));
        }
        await Eventually.MatchAsync(() => doomed.Http.GetJsonAsync($"/api/customers/{Customer}/points", token),
            p => p is { } points && points.GetProperty("balance").GetInt64() == 1_234, TimeSpan.FromSeconds(30), "the points earned");
        await AdvisorCommands.RedeemAndReachAsync(doomed.Http, token, Customer, Advisor, "customer.onboarding", "R-1", 234);
        await doomed.KillAsync();
        await doomed.DisposeAsync();

        await using var revived = await EngineProcess.StartAsync(settings);
        var points = (await revived.Http.GetJsonAsync($"/api/customers/{Customer}/points", token))!.Value;
        Assert.Equal(1_000, points.GetProperty("balance").GetInt64());
        Assert.Equal([-234L, 1_234L], points.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("points").GetInt64()));
        var trigger = Assert.Single((await revived.Http.GetJsonAsync($"/api/customers/{Customer}/triggers", token))!.Value.EnumerateArray());
        Assert.Equal(("closed", "reached"), (trigger.GetProperty("status").GetString(), trigger.GetProperty("outcome").GetProperty("outcome").GetString()));
        var metrics = (await revived.Http.GetJsonAsync($"/api/advisors/{Advisor}/metrics", token))!.Value;
        var onboardingMetrics = Assert.Single(metrics.EnumerateObject());
        Assert.Equal(("customer.onboarding", 1, 1), (onboardingMetrics.Name,
            onboardingMetrics.Value.GetProperty("fired").GetInt32(), onboardingMetrics.Value.GetProperty("reached").GetInt32()));
    }

    private async Task ProduceOpeningAndTransferAsync()
    {
        // One topic, so the replay applies them in the same order (records on different topics have none).
        using var producer = new TestProducer(fixture.BootstrapServers);
        var at = DateTimeOffset.UtcNow;
        await producer.SendAsync("cb.transactions", Customer, Json.Registered($"{Customer}-1", Customer, at, Advisor));
        await producer.SendAsync("cb.transactions", Customer, Json.Opened($"{Customer}-2", Customer, at, "S-1", "savings", 100_000m));
        await producer.SendAsync("cb.transactions", Customer, Json.ExternalTransfer($"{Customer}-3", Customer, at.AddSeconds(1), "S-1", 60_000m, 40_000m));
    }

    private List<TopicReader.Record> TransfersOf(List<TopicReader.Record> read) =>
        read.Where(r => r.Value.Contains($"\"customerId\":\"{Customer}\"", StringComparison.Ordinal)
                        && r.Value.Contains("\"type\":\"movement.external_transfer\"", StringComparison.Ordinal)).ToList();

    private TopicReader.Record Single(List<TopicReader.Record> read) => Assert.Single(TransfersOf(read));
}
