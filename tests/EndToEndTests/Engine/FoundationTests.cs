using System.Text.Json;
using Engagement.Api.Auth;
using Engagement.EndToEndTests.Support;

namespace Engagement.EndToEndTests.Engine;

/// <summary>Events in over the Kafka protocol, exact state out over HTTP.</summary>
[Collection(EngineCollection.Name)]
public sealed class FoundationTests(EngineFixture fixture) : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private TestEngine _engine = null!;
    private TestProducer _producer = null!;

    public async Task InitializeAsync()
    {
        _engine = await TestEngine.StartAsync(fixture.EngineSettings($"foundation-{_run}"));
        _producer = new TestProducer(fixture.BootstrapServers);
    }

    public async Task DisposeAsync()
    {
        _producer.Dispose();
        await _engine.DisposeAsync();
    }

    [Fact]
    public async Task Balances_aum_tier_and_points_are_exact_through_duplicates_a_reversal_and_a_nav_update()
    {
        var c = $"C-{_run}";
        var at = DateTimeOffset.UtcNow;
        await _producer.SendAsync("cb.customers", c, Json.Registered($"{c}-1", c, at, "A7"));
        await _producer.SendAsync("cb.accounts", c, Json.Opened($"{c}-2", c, at, "S-1", "savings", 480_000.00m));
        await _engine.CustomerAfterAsync(c, 2);

        await _producer.SendAsync("cb.transactions", c, Json.Posted($"{c}-3", c, at.AddMinutes(1), "S-1", "credit", "salary", 30_000.00m, 510_000.00m));
        var card = Json.Posted($"{c}-4", c, at.AddMinutes(2), "CC-1", "debit", "card_purchase", 1_000.50m, null);
        await _producer.SendAsync("cb.transactions", c, card);
        await _producer.SendAsync("cb.transactions", c, card);
        await _engine.CustomerAfterAsync(c, 4);

        await _producer.SendAsync("cb.accounts", c, Json.Purchased($"{c}-5", c, at.AddMinutes(3), $"F-{_run}", 10_000m, 1.00m));
        await _engine.CustomerAfterAsync(c, 5);
        await _producer.SendAsync("md.products", $"F-{_run}", Json.Nav($"{c}-6", $"F-{_run}", at.AddMinutes(4), 1.10m));
        await Eventually.MatchAsync(() => _engine.GetJsonAsync($"/api/customers/{c}"),
            s => s!.Value.GetProperty("aum").GetDecimal() == 521_000.00m, TimeSpan.FromSeconds(20), "the NAV to revalue the holding");

        await _producer.SendAsync("cb.transactions", c, Json.Reversed($"{c}-7", c, at.AddMinutes(5), $"{c}-4", "CC-1", 0m));
        var state = await _engine.CustomerAfterAsync(c, 6);

        Assert.Equal(6, state.GetProperty("eventsApplied").GetInt64());
        Assert.Equal(521_000.00m, state.GetProperty("aum").GetDecimal());
        Assert.Equal("wealth", state.GetProperty("tier").GetProperty("current").GetString());
        Assert.Equal(5_479_000.00m, state.GetProperty("tier").GetProperty("gapToNextTier").GetDecimal());
        Assert.Equal(510_000.00m, Account(state, "S-1").GetProperty("balance").GetDecimal());
        var holding = state.GetProperty("holdings")[0];
        Assert.Equal((11_000.00m, 10_000.00m, 10.00m), (holding.GetProperty("value").GetDecimal(), holding.GetProperty("cost").GetDecimal(), holding.GetProperty("returnPct").GetDecimal()));
        // Card purchase at wealth: floor(1000.50 × 0.1 × 1.5) = 150, reversed; fund at wealth: floor(10000 × 0.01 × 1.5) = 150.
        Assert.Equal(150, state.GetProperty("points").GetProperty("balance").GetInt64());
        // What is left is the fund purchase's lot: spendable until the end of the month 24 months after it (UTC).
        var earned = at.AddMinutes(3).UtcDateTime;
        var lastDay = new DateOnly(earned.Year, earned.Month, 1).AddMonths(25).AddDays(-1);
        Assert.Equal([(150L, lastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))],
            state.GetProperty("points").GetProperty("expiring").EnumerateArray().Select(l => (l.GetProperty("points").GetInt64(), l.GetProperty("on").GetString())));

        var points = (await _engine.GetJsonAsync($"/api/customers/{c}/points?limit=10"))!.Value;
        Assert.Equal(
            [("reverse", -150L, 150L, $"{c}-7"), ("earn", 150L, 300L, $"{c}-5"), ("earn", 150L, 150L, $"{c}-4")],
            points.GetProperty("entries").EnumerateArray().Select(e => (
                e.GetProperty("kind").GetString(), e.GetProperty("points").GetInt64(), e.GetProperty("balanceAfter").GetInt64(),
                e.GetProperty("eventId").GetString())));
    }

    [Fact]
    public async Task Bad_records_go_to_the_dead_letter_topic_with_their_reason_and_the_next_record_is_applied()
    {
        var c = $"D-{_run}";
        var at = DateTimeOffset.UtcNow;
        string Tx(string id, string currency, string amount) =>
            $$"""{"eventId":"{{id}}","type":"transaction.posted","customerId":"{{c}}","occurredAt":"{{Json.Stamp(at)}}","accountId":"S-1","direction":"credit","kind":"deposit","amount":{{amount}},"currency":"{{currency}}","balanceAfter":100}""";
        var bad = new (string Key, string Value, string Reason)[]
        {
            (c, "{oops", "invalid_json"),
            (c, $$"""{"eventId":"{{c}}-b2","type":"transaction.posted","customerId":"{{c}}","occurredAt":"{{Json.Stamp(at)}}","direction":"credit","kind":"deposit","amount":5,"currency":"CNY"}""", "missing_field:accountId"),
            (c, $$"""{"eventId":"{{c}}-b3","type":"transaction.teleported","customerId":"{{c}}","occurredAt":"{{Json.Stamp(at)}}"}""", "unknown_type"),
            (c, Tx($"{c}-b4", "USD", "5"), "unsupported_currency"),
            (c, Tx($"{c}-b5", "CNY", "0"), "non_positive:amount"),
            ("someone-else", Tx($"{c}-b6", "CNY", "5"), "key_mismatch"),
        };
        using var deadLetters = new TopicReader(fixture.BootstrapServers, "eng.deadletter");
        foreach (var (key, value, _) in bad)
        {
            await _producer.SendAsync("cb.transactions", key, value);
        }
        await _producer.SendAsync("cb.transactions", c, Tx($"{c}-good", "CNY", "100"));

        var state = await _engine.CustomerAfterAsync(c, 1);
        Assert.Equal(1, state.GetProperty("eventsApplied").GetInt64());
        var mine = deadLetters.ReadUntil(read => bad.All(b => read.Any(r => r.Value == b.Value)), TimeSpan.FromSeconds(30))
            .Where(r => bad.Any(b => b.Value == r.Value)).OrderBy(r => Array.FindIndex(bad, b => b.Value == r.Value)).ToList();
        // Order holds within a partition only: the record with the wrong key lands on another partition.
        Assert.Equal(bad.Select(b => (b.Key, b.Value, b.Reason, "cb.transactions")),
            mine.Select(r => (r.Key!, r.Value, r.Headers["error"], r.Headers["source-topic"])));
        Assert.All(mine, r => Assert.True(long.TryParse(r.Headers["source-offset"], out _) && int.TryParse(r.Headers["source-partition"], out _)));
    }

    [Fact]
    public async Task Advisors_see_only_their_own_customers_and_tokens_are_required()
    {
        var c = $"E-{_run}";
        await _producer.SendAsync("cb.customers", c, Json.Registered($"{c}-1", c, DateTimeOffset.UtcNow, "A7"));
        await _engine.CustomerAfterAsync(c, 1);

        Assert.Equal(200, await _engine.StatusAsync($"/api/customers/{c}", _engine.Token(Roles.Advisor, "A7")));
        Assert.Equal(403, await _engine.StatusAsync($"/api/customers/{c}", _engine.Token(Roles.Advisor, "A8")));
        Assert.Equal(403, await _engine.StatusAsync($"/api/customers/{c}/points", _engine.Token(Roles.Advisor, "A8")));
        Assert.Equal(200, await _engine.StatusAsync($"/api/customers/{c}", _engine.Token(Roles.Supervisor)));
        Assert.Equal(401, await _engine.StatusAsync($"/api/customers/{c}"));
        Assert.Equal(401, await _engine.StatusAsync($"/api/customers/{c}", "not-a-token"));
        Assert.Equal(404, await _engine.StatusAsync("/api/customers/never-seen", _engine.Token(Roles.Service)));
        Assert.Equal(400, await _engine.StatusAsync("/api/customers/bad%20id", _engine.Token(Roles.Service)));
        Assert.Equal(200, await _engine.StatusAsync("/health/live"));
    }

    [Fact]
    public async Task Older_ledger_entries_are_kept_in_their_own_rows_and_read_back_in_order()
    {
        var c = $"L-{_run}";
        var at = DateTimeOffset.UtcNow;
        for (var i = 1; i <= 60; i++)
        {
            await _producer.SendAsync("cb.transactions", c, Json.Posted($"{c}-{i}", c, at.AddSeconds(i), "CC-1", "debit", "card_purchase", 10m * i, null));
        }
        await _engine.CustomerAfterAsync(c, 60);

        var points = await Eventually.MatchAsync(() => _engine.GetJsonAsync($"/api/customers/{c}/points?limit=500"),
            p => p!.Value.GetProperty("entries").GetArrayLength() == 60, TimeSpan.FromSeconds(20), "all 60 ledger entries");
        var entries = points!.Value.GetProperty("entries").EnumerateArray().ToList();
        // floor(10 × i × 0.1) = i points for the i-th purchase; the balance after it is 1 + 2 + … + i.
        Assert.Equal(Enumerable.Range(1, 60).Reverse().Select(i => ($"L{i}", $"{c}-{i}", (long)i, (long)(i * (i + 1) / 2))),
            entries.Select(e => (e.GetProperty("entryId").GetString()!, e.GetProperty("eventId").GetString()!,
                e.GetProperty("points").GetInt64(), e.GetProperty("balanceAfter").GetInt64())));
        Assert.Equal(1830, points.Value.GetProperty("balance").GetInt64());
    }

    private static JsonElement Account(JsonElement state, string accountId) =>
        state.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("accountId").GetString() == accountId);
}
