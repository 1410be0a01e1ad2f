using Engagement.EndToEndTests.Support;

namespace Engagement.EndToEndTests.Engine;

/// <summary>The two movement rules of SPEC §4 that misfired, through Kafka: a lower rule covered by the one that fired
/// cools down, and a balance drop is judged only on an event that lowers AUM.</summary>
[Collection(EngineCollection.Name)]
public sealed class MovementTests(EngineFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    // 450,000.00 of a wealth customer's 600,000.00 goes to another bank: the external transfer fires and covers the
    // large outflow and the balance drop. A 100.00 card purchase (AUM unchanged) and a 1,000.00 withdrawal the next day
    // (AUM lower, still far below its high) fire nothing for the same movement.
    [Fact]
    public async Task A_transfer_to_another_bank_fires_once_and_the_balance_drop_it_covered_does_not_follow()
    {
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"covered-{_run}"));
        using var producer = new TestProducer(fixture.BootstrapServers);
        var (c, at) = ($"MV-{_run}", DateTimeOffset.UtcNow.AddDays(-2));

        await producer.SendAsync("cb.customers", c, Json.Registered($"{c}-1", c, at, "A7"));
        await producer.SendAsync("cb.accounts", c, Json.Opened($"{c}-2", c, at, "S-1", "savings", 600_000m));
        await producer.SendAsync("cb.accounts", c, Json.Opened($"{c}-3", c, at, "CC-1", "credit_card", 0m));
        await producer.SendAsync("cb.transactions", c, Json.ExternalTransfer($"{c}-4", c, at.AddMinutes(1), "S-1", 450_000m, 150_000m));
        await producer.SendAsync("cb.transactions", c, Json.Posted($"{c}-5", c, at.AddMinutes(2), "CC-1", "debit", "card_purchase", 100m, 100m));
        await producer.SendAsync("cb.transactions", c, Json.Posted($"{c}-6", c, at.AddDays(1), "S-1", "debit", "withdrawal", 1_000m, 149_000m));
        await engine.CustomerAfterAsync(c, 6);

        Assert.Equal(
            [("customer.onboarding", $"{c}-1"), ("movement.external_transfer", $"{c}-4"), ("tier.downgrade_risk", $"{c}-4"),
                ("tier.upgraded", $"{c}-2")],
            await TriggersAsync(engine, c));
    }

    // A standard customer's AUM falls from 400,000.00 to 100,000.00 when a savings account closes (no movement rule runs
    // on a closure). A card purchase leaves AUM as it is and fires nothing; the next withdrawal lowers it and is the
    // balance drop.
    [Fact]
    public async Task A_balance_drop_fires_on_the_event_that_lowers_aum_and_never_on_a_card_purchase()
    {
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"drop-{_run}"));
        using var producer = new TestProducer(fixture.BootstrapServers);
        var (c, at) = ($"MD-{_run}", DateTimeOffset.UtcNow.AddDays(-2));

        await producer.SendAsync("cb.customers", c, Json.Registered($"{c}-1", c, at, "A7"));
        await producer.SendAsync("cb.accounts", c, Json.Opened($"{c}-2", c, at, "S-1", "savings", 300_000m));
        await producer.SendAsync("cb.accounts", c, Json.Opened($"{c}-3", c, at, "S-2", "savings", 100_000m));
        await producer.SendAsync("cb.accounts", c, Json.Opened($"{c}-4", c, at, "CC-1", "credit_card", 0m));
        await producer.SendAsync("cb.accounts", c, Json.Closed($"{c}-5", c, at.AddHours(1), "S-1"));
        await producer.SendAsync("cb.transactions", c, Json.Posted($"{c}-6", c, at.AddHours(2), "CC-1", "debit", "card_purchase", 100m, 100m));
        await producer.SendAsync("cb.transactions", c, Json.Posted($"{c}-7", c, at.AddHours(3), "S-2", "debit", "withdrawal", 10m, 99_990m));
        await engine.CustomerAfterAsync(c, 7);

        Assert.Equal([("customer.onboarding", $"{c}-1"), ("movement.balance_drop", $"{c}-7")], await TriggersAsync(engine, c));
        var drop = (await engine.GetJsonAsync($"/api/customers/{c}/triggers"))!.Value.EnumerateArray()
            .Single(t => t.GetProperty("type").GetString() == "movement.balance_drop");
        var facts = drop.GetProperty("facts");
        Assert.Equal((99_990.00m, 400_000.00m, 300_010.00m), (facts.GetProperty("aum").GetDecimal(), facts.GetProperty("high30d").GetDecimal(),
            facts.GetProperty("drop").GetDecimal()));
    }

    // The customer's triggers by type, each with the events that caused it.
    private static async Task<(string Type, string Source)[]> TriggersAsync(TestEngine engine, string customerId) =>
        (await engine.GetJsonAsync($"/api/customers/{customerId}/triggers"))!.Value.EnumerateArray()
            .Select(t => (t.GetProperty("type").GetString()!, string.Join(",", t.GetProperty("sourceEventIds").EnumerateArray().Select(e => e.GetString()))))
            .Order()
            .ToArray();
}
