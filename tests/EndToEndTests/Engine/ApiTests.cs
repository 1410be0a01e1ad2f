using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Engagement.Api;
using Engagement.Api.Auth;
using Engagement.EndToEndTests.Support;

namespace Engagement.EndToEndTests.Engine;

/// <summary>Every SPEC §5 route over real HTTP: exact bodies, 401, 403, 400, the live stream and redemption.</summary>
[Collection(EngineCollection.Name)]
public sealed class ApiTests(EngineFixture fixture) : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private TestEngine _engine = null!;
    private TestProducer _producer = null!;
    private string Advisor => $"A-{_run}";
    private string Customer => $"P-{_run}";

    public async Task InitializeAsync()
    {
        _engine = await TestEngine.StartAsync(fixture.EngineSettings($"api-{_run}"));
        _producer = new TestProducer(fixture.BootstrapServers);
        var at = DateTimeOffset.UtcNow;
        await _producer.SendAsync("cb.customers", Customer, Json.Registered($"{Customer}-1", Customer, at, Advisor));
        await _engine.CustomerAfterAsync(Customer, 1);
        await _producer.SendAsync("cb.transactions", Customer, Json.Posted($"{Customer}-2", Customer, at, "CC-1", "debit", "card_purchase", 1_234.56m, null));
        await _engine.CustomerAfterAsync(Customer, 2);
        // The advisor's inbox follows the customer's turn a moment later: the onboarding trigger is there before a test starts.
        await Eventually.MatchAsync(() => _engine.GetJsonAsync($"/api/advisors/{Advisor}/triggers?status=open", _engine.Token(Roles.Advisor, Advisor)),
            inbox => inbox is { ValueKind: JsonValueKind.Array } i && i.GetArrayLength() == 1, TimeSpan.FromSeconds(30), "the onboarding trigger in the inbox");
    }

    public async Task DisposeAsync()
    {
        _producer.Dispose();
        await _engine.DisposeAsync();
    }

    [Fact]
    public async Task Outcome_inbox_book_and_metrics_answer_exactly()
    {
        var token = _engine.Token(Roles.Advisor, Advisor);
        var inbox = await GetAsync($"/api/advisors/{Advisor}/triggers?status=open", token);
        var onboarding = Assert.Single(inbox.EnumerateArray());
        Assert.Equal(("customer.onboarding", Customer, "open"), (Str(onboarding, "type"), Str(onboarding, "customerId"), Str(onboarding, "status")));
        var triggerId = Str(onboarding, "triggerId");

        using (var acknowledged = await _engine.SendAsync(HttpMethod.Post, $"/api/advisors/{Advisor}/triggers/{triggerId}/outcome", token, new { outcome = "acknowledged" }))
        {
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
            Assert.Equal("acknowledged", Str(await Body(acknowledged), "status"));
        }
        using (var reached = await _engine.SendAsync(HttpMethod.Post, $"/api/advisors/{Advisor}/triggers/{triggerId}/outcome", token,
                   new { outcome = "won", note = "Opened a fund account", amount = 20_000.00m }))
        {
            var closed = await Body(reached);
            Assert.Equal(("closed", "won", 20_000.00m), (Str(closed, "status"), Str(closed.GetProperty("outcome"), "outcome"), closed.GetProperty("outcome").GetProperty("amount").GetDecimal()));
        }
        using (var again = await _engine.SendAsync(HttpMethod.Post, $"/api/advisors/{Advisor}/triggers/{triggerId}/outcome", token, new { outcome = "reached" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        }

        var metrics = await Eventually.MatchAsync(() => GetAsync($"/api/advisors/{Advisor}/metrics", token),
            m => m.TryGetProperty("customer.onboarding", out var o) && o.GetProperty("closed").GetInt32() == 1, TimeSpan.FromSeconds(10), "metrics");
        var onboardingMetrics = metrics.GetProperty("customer.onboarding");
        Assert.Equal((1, 1, 1, 1, 1, 1m), (onboardingMetrics.GetProperty("fired").GetInt32(), onboardingMetrics.GetProperty("reached").GetInt32(),
            onboardingMetrics.GetProperty("opportunity").GetInt32(), onboardingMetrics.GetProperty("won").GetInt32(),
            onboardingMetrics.GetProperty("closed").GetInt32(), onboardingMetrics.GetProperty("contactRate").GetDecimal()));
        Assert.Empty((await GetAsync($"/api/advisors/{Advisor}/triggers?status=open", token)).EnumerateArray());

        var book = Assert.Single((await GetAsync($"/api/advisors/{Advisor}/customers", token)).EnumerateArray());
        Assert.Equal((Customer, "Test Customer", "standard", 0m, 0),
            (Str(book, "customerId"), Str(book, "name"), Str(book, "tier"), book.GetProperty("aum").GetDecimal(), book.GetProperty("openTriggers").GetInt32()));

        var triggers = await GetAsync($"/api/customers/{Customer}/triggers", token);
        Assert.Equal([("customer.onboarding", "closed")], triggers.EnumerateArray().Select(t => (Str(t, "type"), Str(t, "status"))));
    }

    [Fact]
    public async Task Redemption_is_idempotent_and_never_overdraws_even_when_concurrent()
    {
        var token = _engine.Token(Roles.Service);
        var path = $"/api/customers/{Customer}/points/redemptions";
        // The card purchase earned floor(1234.56 × 0.1) = 123 points.
        Assert.Equal(123, (await GetAsync($"/api/customers/{Customer}/points", token)).GetProperty("balance").GetInt64());

        Assert.Equal((200, 100L), await RedeemAsync(path, token, "R-1", 23));
        Assert.Equal((200, 100L), await RedeemAsync(path, token, "R-1", 23));
        Assert.Equal((409, 100L), await RedeemAsync(path, token, "R-2", 101));

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => RedeemAsync(path, token, $"R-c{i}", 10)));
        Assert.Equal(10, concurrent.Count(r => r.Status == 200));
        Assert.Equal(2, concurrent.Count(r => r.Status == 409));

        var points = await GetAsync($"/api/customers/{Customer}/points?limit=500", token);
        Assert.Equal(0, points.GetProperty("balance").GetInt64());
        var redeemed = points.GetProperty("entries").EnumerateArray().Where(e => Str(e, "kind") == "redeem").ToList();
        Assert.Equal(11, redeemed.Count);
        Assert.Single(redeemed, e => Str(e, "eventId") == "R-1");
        Assert.Equal(-123, redeemed.Sum(e => e.GetProperty("points").GetInt64()));
    }

    [Fact]
    public async Task The_live_stream_pushes_new_triggers_and_replays_what_a_reconnecting_client_missed()
    {
        var token = _engine.Token(Roles.Advisor, Advisor);
        var stream = $"/api/advisors/{Advisor}/triggers/stream";
        string firstId;
        await using (var live = await SseClient.ConnectAsync(_engine.Http, stream, token))
        {
            await _producer.SendAsync("cb.transactions", Customer,
                Json.ExternalTransfer($"{Customer}-3", Customer, DateTimeOffset.UtcNow, "S-1", 70_000m, 0m));
            var first = Assert.Single(await live.ReadUntilAsync(e => e.Count >= 1, TimeSpan.FromSeconds(30)));
            Assert.Equal("movement.external_transfer", Str(first.Data, "type"));
            firstId = first.Id!;
        }

        await _producer.SendAsync("cb.transactions", Customer,
            Json.ExternalTransfer($"{Customer}-4", Customer, DateTimeOffset.UtcNow, "S-1", 80_000m, 0m));
        await Eventually.MatchAsync(() => GetAsync($"/api/advisors/{Advisor}/triggers?status=open", token),
            i => i.GetArrayLength() == 3, TimeSpan.FromSeconds(30), "the second transfer's trigger");

        await using var resumed = await SseClient.ConnectAsync(_engine.Http, stream, token, lastEventId: firstId);
        var missed = Assert.Single(await resumed.ReadUntilAsync(e => e.Count >= 1, TimeSpan.FromSeconds(30)));
        Assert.Equal("movement.external_transfer", Str(missed.Data, "type"));
        Assert.Equal([$"{Customer}-4"], missed.Data.GetProperty("sourceEventIds").EnumerateArray().Select(e => e.GetString()));
        Assert.True(long.Parse(missed.Id!) > long.Parse(firstId));
    }

    [Fact]
    public async Task Tokens_are_required_and_checked()
    {
        var path = $"/api/customers/{Customer}";
        Assert.Equal(401, await _engine.StatusAsync(path));
        Assert.Equal(401, await _engine.StatusAsync(path, Tokens.Expired(Roles.Service)));
        Assert.Equal(401, await _engine.StatusAsync(path, Tokens.WrongSignature(Roles.Service)));
        Assert.Equal(401, await _engine.StatusAsync(path, Tokens.Unsigned(Roles.Service)));
        Assert.Equal(403, await _engine.StatusAsync(path, Tokens.Valid("teller")));
        Assert.Equal(200, await _engine.StatusAsync(path, Tokens.Valid(Roles.Service)));
        using var unauthorized = await _engine.SendAsync(HttpMethod.Get, path, null, null);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Advisors_are_refused_everything_of_another_advisor()
    {
        var other = _engine.Token(Roles.Advisor, "A-someone-else");
        Assert.Equal(403, await _engine.StatusAsync($"/api/customers/{Customer}", other));
        Assert.Equal(403, await _engine.StatusAsync($"/api/customers/{Customer}/points", other));
        Assert.Equal(403, await _engine.StatusAsync($"/api/customers/{Customer}/triggers", other));
        Assert.Equal(403, await _engine.StatusAsync($"/api/advisors/{Advisor}/triggers", other));
        Assert.Equal(403, await _engine.StatusAsync($"/api/advisors/{Advisor}/triggers/stream", other));
        Assert.Equal(403, await _engine.StatusAsync($"/api/advisors/{Advisor}/customers", other));
        Assert.Equal(403, await _engine.StatusAsync($"/api/advisors/{Advisor}/metrics", other));
        using var outcome = await _engine.SendAsync(HttpMethod.Post, $"/api/advisors/{Advisor}/triggers/t-000000000000000000000000/outcome", other, new { outcome = "reached" });
        Assert.Equal(HttpStatusCode.Forbidden, outcome.StatusCode);
        using var redemption = await _engine.SendAsync(HttpMethod.Post, $"/api/customers/{Customer}/points/redemptions", other, new { redemptionId = "X", points = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, redemption.StatusCode);
    }

    [Fact]
    public async Task Reassignment_moves_the_right_to_the_new_advisor_at_once()
    {
        var newAdvisor = $"N-{_run}";
        await _producer.SendAsync("cb.customers", Customer,
            $$"""{"eventId":"{{Customer}}-r","type":"customer.advisor_assigned","customerId":"{{Customer}}","occurredAt":"{{Json.Stamp(DateTimeOffset.UtcNow)}}","advisorId":"{{newAdvisor}}"}""");
        await _engine.CustomerAfterAsync(Customer, 3);
        Assert.Equal(403, await _engine.StatusAsync($"/api/customers/{Customer}", _engine.Token(Roles.Advisor, Advisor)));
        Assert.Equal(200, await _engine.StatusAsync($"/api/customers/{Customer}", _engine.Token(Roles.Advisor, newAdvisor)));
        var book = await Eventually.MatchAsync(() => GetAsync($"/api/advisors/{newAdvisor}/customers", _engine.Token(Roles.Advisor, newAdvisor)),
            b => b.GetArrayLength() == 1, TimeSpan.FromSeconds(10), "the new advisor's book");
        Assert.Equal(Customer, Str(book[0], "customerId"));
        // The old advisor's book and inbox follow a moment later: their change travels on its own effect channel.
        await Eventually.MatchAsync(() => GetAsync($"/api/advisors/{Advisor}/customers", _engine.Token(Roles.Advisor, Advisor)),
            b => b.GetArrayLength() == 0, TimeSpan.FromSeconds(10), "the old advisor's book to drop the customer");

        var moved = await Eventually.MatchAsync(() => GetAsync($"/api/advisors/{newAdvisor}/triggers?status=open", _engine.Token(Roles.Advisor, newAdvisor)),
            inbox => inbox.GetArrayLength() == 1, TimeSpan.FromSeconds(10), "the open trigger to follow the customer");
        Assert.Equal(("customer.onboarding", newAdvisor), (Str(moved[0], "type"), Str(moved[0], "advisorId")));
        await Eventually.MatchAsync(() => GetAsync($"/api/advisors/{Advisor}/triggers?status=open", _engine.Token(Roles.Advisor, Advisor)),
            inbox => inbox.GetArrayLength() == 0, TimeSpan.FromSeconds(10), "the old advisor's inbox to drop the open trigger");
    }

    [Theory]
    [InlineData("GET", "/api/customers/bad%20id", null)]
    [InlineData("GET", "/api/customers/{c}/points?limit=0", null)]
    [InlineData("GET", "/api/customers/{c}/points?limit=501", null)]
    [InlineData("GET", "/api/advisors/{a}/triggers?status=pending", null)]
    [InlineData("POST", "/api/customers/{c}/points/redemptions", """{"points":5}""")]
    [InlineData("POST", "/api/customers/{c}/points/redemptions", """{"redemptionId":"R","points":0}""")]
    [InlineData("POST", "/api/customers/{c}/points/redemptions", """{"redemptionId":"R","points":"many"}""")]
    [InlineData("POST", "/api/advisors/{a}/triggers/t-000000000000000000000000/outcome", """{"outcome":"celebrated"}""")]
    [InlineData("POST", "/api/advisors/{a}/triggers/t-000000000000000000000000/outcome", """{}""")]
    [InlineData("POST", "/api/advisors/{a}/triggers/not-a-trigger/outcome", """{"outcome":"reached"}""")]
    [InlineData("POST", "/api/advisors/{a}/triggers/t-000000000000000000000000/outcome", "{broken")]
    [InlineData("GET", "/api/advisors/{a}/digest?date=2026-13-01", null)]
    [InlineData("GET", "/api/advisors/{a}/digest?date=tomorrow", null)]
    [InlineData("POST", "/workbench/development-token", """{"role":"root"}""")]
    [InlineData("POST", "/workbench/development-token", """{"role":"advisor"}""")]
    [InlineData("POST", "/workbench/development-token", """{"role":"supervisor","advisorId":"A1"}""")]
    [InlineData("POST", "/workbench/development-token", """{"role":"advisor","advisorId":"bad id"}""")]
    public async Task Bad_input_is_a_400_problem(string method, string path, string? body)
    {
        using var response = await _engine.SendAsync(new HttpMethod(method), path.Replace("{c}", Customer).Replace("{a}", Advisor),
            _engine.Token(Roles.Supervisor), body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_digest_the_team_and_the_workbench_routes_answer_exactly()
    {
        var token = _engine.Token(Roles.Advisor, Advisor);
        Assert.Empty((await GetAsync($"/api/advisors/{Advisor}/digest", token)).EnumerateArray());
        var today = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var team = (await GetAsync("/api/advisors", _engine.Token(Roles.Supervisor))).EnumerateArray();
        Assert.Equal($$"""{"advisorId":"{{Advisor}}","day":"{{today}}","customers":1,"openTriggers":1,"pushedLive":1,"cap":40,"digest":0}""",
            Assert.Single(team, w => Str(w, "advisorId") == Advisor).GetRawText());

        Assert.Equal("""{"language":"en","developmentSignIn":true,"authority":null,"clientId":null,"scope":"openid profile"}""",
            (await GetAsync("/workbench/settings", null)).GetRawText());
        using var issued = await _engine.SendAsync(HttpMethod.Post, "/workbench/development-token", null, new { role = "advisor", advisorId = Advisor });
        var devToken = Str(await Body(issued), "token");
        Assert.Equal(200, await _engine.StatusAsync($"/api/advisors/{Advisor}/triggers", devToken));
        Assert.Equal(403, await _engine.StatusAsync("/api/advisors/someone-else/triggers", devToken));

        using var page = await _engine.SendAsync(HttpMethod.Get, "/", null, null);
        Assert.Equal(("text/html", true), (page.Content.Headers.ContentType?.MediaType, (await page.Content.ReadAsStringAsync()).Contains("/js/app.js", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Unknown_things_are_404_problems_and_openapi_describes_every_route()
    {
        Assert.Equal(404, await _engine.StatusAsync("/api/customers/nobody-here", _engine.Token(Roles.Service)));
        using var outcome = await _engine.SendAsync(HttpMethod.Post, $"/api/advisors/{Advisor}/triggers/t-000000000000000000000000/outcome",
            _engine.Token(Roles.Supervisor), new { outcome = "reached" });
        Assert.Equal(HttpStatusCode.NotFound, outcome.StatusCode);

        var openApi = await _engine.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.Equal(
            ["/api/advisors", "/api/advisors/{advisorId}/customers", "/api/advisors/{advisorId}/digest", "/api/advisors/{advisorId}/metrics",
             "/api/advisors/{advisorId}/triggers",
             "/api/advisors/{advisorId}/triggers/stream", "/api/advisors/{advisorId}/triggers/{triggerId}/outcome",
             "/api/customers/{customerId}", "/api/customers/{customerId}/points", "/api/customers/{customerId}/points/redemptions",
             "/api/customers/{customerId}/triggers", "/api/rules", "/api/rules/backtest", "/api/rules/backtests/{backtestId}",
             "/api/rules/{version}", "/health/detail", "/health/live", "/health/ready", "/workbench/development-token", "/workbench/settings"],
            openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("http", openApi.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());
        using var page = await _engine.SendAsync(HttpMethod.Get, "/docs/index.html", null, null);
        Assert.Equal(("text/html", true), (page.Content.Headers.ContentType?.MediaType, (await page.Content.ReadAsStringAsync()).Contains("swagger-ui", StringComparison.Ordinal)));
    }

    private async Task<(int Status, long Balance)> RedeemAsync(string path, string token, string id, long points)
    {
        using var response = await _engine.SendAsync(HttpMethod.Post, path, token, new { redemptionId = id, points, reason = "gift" });
        var body = await Body(response);
        return ((int)response.StatusCode, body.GetProperty("balance").GetInt64());
    }

    private async Task<JsonElement> GetAsync(string path, string? token)
    {
        using var response = await _engine.SendAsync(HttpMethod.Get, path, token, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Body(response);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(EngineJson.Options);

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).GetString();
}
