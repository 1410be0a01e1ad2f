using System.Diagnostics;
using System.Text.Json;
using Engagement.Api;
using Engagement.Api.Auth;
using Engagement.EndToEndTests.Support;
using OpenQA.Selenium;

namespace Engagement.EndToEndTests.Workbench;

/// <summary>The advisors' workbench in a real headless Chromium against the whole engine: live inbox, outcomes, effect,
/// access, language and the daily cap. Each test has its own advisors and customers, and saves screenshots (see
/// <see cref="Browser.Screenshot"/>).</summary>
[Collection(EngineCollection.Name)]
public sealed class WorkbenchTests(EngineFixture fixture)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task An_advisor_sees_a_new_trigger_within_a_second_records_reached_and_the_effect_view_counts_it()
    {
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"workbench-{_run}"));
        using var producer = new TestProducer(fixture.BootstrapServers);
        using var browser = Browser.Start(engine.BaseUrl);
        var (advisor, c, at) = ($"WA-{_run}", $"WC-{_run}", DateTimeOffset.UtcNow);
        browser.SignIn(Roles.Advisor, advisor);
        browser.WaitUntilLive();

        await producer.SendAsync("cb.customers", c, Json.Registered($"{c}-1", c, at, advisor));
        await producer.SendAsync("cb.accounts", c, Json.Opened($"{c}-2", c, at, "S-1", "savings", 100_000m));
        browser.Until(_ => browser.LiveCard(Of(c, "customer.onboarding")), Soon, "the onboarding card");
        await engine.CustomerAfterAsync(c, 2);

        var clock = Stopwatch.StartNew();
        await producer.SendAsync("cb.transactions", c, Json.ExternalTransfer($"{c}-3", c, at.AddMinutes(1), "S-1", 60_000m, 40_000m));
        var card = browser.Until(_ => browser.LiveCard(Of(c, "movement.external_transfer")), Soon, "the external transfer card");
        var shownAfter = clock.Elapsed;
        Assert.True(shownAfter <= TimeSpan.FromSeconds(1), $"the card appeared {shownAfter.TotalMilliseconds:0} ms after the event was produced");
        Assert.Equal("A transfer of 60,000.00 from S-1 to another bank (OTHERBANK) is at or above 50,000.00: call to understand the move and retain the funds.",
            card.FindElement(By.CssSelector(".explanation")).Text);
        Assert.Equal(["movement.external_transfer", "customer.onboarding"], LiveTypes(browser));
        browser.Screenshot("inbox-en");
        browser.Screenshot("inbox-en-tablet", width: 820);

        var triggerId = card.GetAttribute("data-trigger-id")!;
        browser.LiveCard(Of(c, "movement.external_transfer"))!.FindElement(By.CssSelector("button[data-outcome='reached']")).Click();
        browser.Until(_ => browser.LiveCard(t => t.GetAttribute("data-trigger-id") == triggerId) is null, Soon, "the reached card to leave the open list");
        var closed = (await engine.GetJsonAsync($"/api/customers/{c}/triggers"))!.Value.EnumerateArray().Single(t => t.GetProperty("triggerId").GetString() == triggerId);
        Assert.Equal(("closed", "reached"), (closed.GetProperty("status").GetString(), closed.GetProperty("outcome").GetProperty("outcome").GetString()));

        browser.Driver.FindElement(By.Id("nav-effect")).Click();
        var row = browser.Until(d => d.FindElements(By.CssSelector("#effect-table tr[data-type='movement.external_transfer']")).FirstOrDefault(), Soon, "the effect table");
        Assert.Equal(["Transfer to another bank", "1", "1", "0", "0", "100.0%"], row.FindElements(By.TagName("td")).Select(td => td.Text));
        Assert.Equal(["1", "0", "—"], browser.Driver.FindElement(By.CssSelector("#effect-table tr[data-type='customer.onboarding']"))
            .FindElements(By.TagName("td")).Select(td => td.Text).Where((_, i) => i is 1 or 2 or 5));
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("svg.chart rect.bar-reached")));
        browser.Screenshot("effect-en");

        browser.Open($"/#/customer/{c}");
        Assert.Equal("40,000.00", browser.Until(d => d.FindElements(By.Id("customer-aum")).FirstOrDefault(), Soon, "the customer view").Text);
        Assert.Equal("Standard", browser.Driver.FindElement(By.Id("customer-tier")).Text);
        browser.Screenshot("customer-en");
    }

    [Fact]
    public async Task Advisor_B_sees_none_of_advisor_As_customers_and_the_API_answers_B_403()
    {
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"workbench-b-{_run}"));
        using var producer = new TestProducer(fixture.BootstrapServers);
        using var browser = Browser.Start(engine.BaseUrl);
        var (a, b, ofA, ofB, at) = ($"WA-{_run}", $"WB-{_run}", $"WCA-{_run}", $"WCB-{_run}", DateTimeOffset.UtcNow);
        await producer.SendAsync("cb.customers", ofA, Json.Registered($"{ofA}-1", ofA, at, a));
        await producer.SendAsync("cb.customers", ofB, Json.Registered($"{ofB}-1", ofB, at, b));
        await engine.CustomerAfterAsync(ofA, 1);
        await engine.CustomerAfterAsync(ofB, 1);

        browser.SignIn(Roles.Advisor, b);
        browser.WaitUntilLive();
        browser.Until(_ => browser.LiveCard(Of(ofB, "customer.onboarding")), Soon, "B's own onboarding card");
        Assert.Equal([ofB], browser.Driver.FindElements(By.CssSelector("article.card[data-trigger-id]")).Select(card => card.GetAttribute("data-customer-id")).Distinct());

        browser.Driver.FindElement(By.Id("nav-book")).Click();
        var book = browser.Until(d => d.FindElements(By.CssSelector("#book-table tbody tr")).ToList() is { Count: > 0 } rows ? rows : null, Soon, "B's book");
        Assert.Equal([ofB], book.Select(r => r.FindElement(By.TagName("td")).Text));

        browser.Open($"/#/customer/{ofA}");
        var refused = browser.Until(d => d.FindElements(By.Id("view-error")).FirstOrDefault(), Soon, "the refusal");
        Assert.Equal(("403", "You may not see this: it belongs to another advisor's book."), (refused.GetAttribute("data-status"), refused.Text));
        browser.Screenshot("forbidden-en");

        var token = engine.Token(Roles.Advisor, b);
        Assert.Equal(403, await engine.StatusAsync($"/api/customers/{ofA}", token));
        Assert.Equal(403, await engine.StatusAsync($"/api/customers/{ofA}/triggers", token));
        Assert.Equal(403, await engine.StatusAsync($"/api/advisors/{a}/triggers", token));
        Assert.Equal(403, await engine.StatusAsync($"/api/advisors/{a}/digest", token));
        Assert.Equal(403, await engine.StatusAsync("/api/advisors", token));
    }

    [Fact]
    public async Task With_Engine_Language_zh_CN_the_page_and_the_explanations_are_Chinese()
    {
        var settings = fixture.EngineSettings($"workbench-zh-{_run}");
        settings["Engine:Language"] = "zh-CN";
        await using var engine = await TestEngine.StartAsync(settings);
        using var producer = new TestProducer(fixture.BootstrapServers);
        using var browser = Browser.Start(engine.BaseUrl);
        var (advisor, c, at) = ($"WZ-{_run}", $"WZC-{_run}", DateTimeOffset.UtcNow);

        browser.Open("/");
        Assert.Equal("申请开发令牌", browser.Until(d => d.FindElements(By.Id("signin-get-token")).FirstOrDefault(), Soon, "the sign-in form").Text);
        browser.Screenshot("signin-zh-CN");
        browser.SignIn(Roles.Advisor, advisor);
        browser.WaitUntilLive();
        Assert.Equal(("客户经理工作台", "zh-CN", "实时"), (browser.Driver.Title, browser.Driver.FindElement(By.TagName("html")).GetAttribute("lang"),
            browser.Driver.FindElement(By.CssSelector(".live")).Text));

        await producer.SendAsync("cb.customers", c, Json.Registered($"{c}-1", c, at, advisor));
        await producer.SendAsync("cb.accounts", c, Json.Matured($"{c}-2", c, at, "TD-1", 500_000m));
        var matured = browser.Until(_ => browser.LiveCard(Of(c, "deposit.matured")), Soon, "the matured deposit card");
        var day = at.UtcDateTime;
        Assert.Equal($"定期存款TD-1已于{day.Year}年{day.Month}月{day.Day}日到期，到期金额500,000.00元：请立即致电，以免资金流向他处。",
            matured.FindElement(By.CssSelector(".explanation")).Text);
        Assert.Equal(("发生了什么：定期存款已到期", "重要"), (matured.FindElement(By.TagName("h3")).Text, matured.FindElement(By.CssSelector(".badge.severity-high")).Text));
        Assert.Equal($"新客户于{day.Year}年{day.Month}月{day.Day}日登记：请致电欢迎并完成需求评估。",
            browser.Until(_ => browser.LiveCard(Of(c, "customer.onboarding")), Soon, "the onboarding card").FindElement(By.CssSelector(".explanation")).Text);
        Assert.Equal("已联络", matured.FindElement(By.CssSelector("button[data-outcome='reached']")).Text);
        browser.Screenshot("inbox-zh-CN");

        browser.Open($"/#/customer/{c}");
        Assert.Equal("普通级", browser.Until(d => d.FindElements(By.Id("customer-tier")).FirstOrDefault(), Soon, "the customer view").Text);
        browser.Screenshot("customer-zh-CN");
    }

    [Fact]
    public async Task The_41st_normal_trigger_of_an_advisors_day_goes_to_the_digest_not_the_live_list_while_a_high_one_still_goes_live()
    {
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"workbench-cap-{_run}"));
        using var producer = new TestProducer(fixture.BootstrapServers);
        using var triggersTopic = new TopicReader(fixture.BootstrapServers, "eng.triggers", fromNow: true);
        using var browser = Browser.Start(engine.BaseUrl);
        var (advisor, at) = ($"WD-{_run}", DateTimeOffset.UtcNow);
        var customers = Enumerable.Range(1, 41).Select(i => $"WD{i:D2}-{_run}").ToList();
        browser.SignIn(Roles.Advisor, advisor);
        browser.WaitUntilLive();

        foreach (var c in customers)
        {
            await producer.SendAsync("cb.customers", c, Json.Registered($"{c}-1", c, at, advisor));
        }
        var inbox = await Eventually.MatchAsync(async () => (await engine.GetJsonAsync($"/api/advisors/{advisor}/triggers"))!.Value.EnumerateArray().ToList(),
            all => all.Count == 41, Soon, "41 onboarding triggers in the inbox");
        var held = Assert.Single((await engine.GetJsonAsync($"/api/advisors/{advisor}/digest?date={at.UtcDateTime:yyyy-MM-dd}"))!.Value.EnumerateArray());
        var heldId = held.GetProperty("triggerId").GetString()!;
        Assert.True(held.GetProperty("digest").GetBoolean());
        Assert.Equal(40, inbox.Count(t => !t.GetProperty("digest").GetBoolean()));

        var high = customers[0] == held.GetProperty("customerId").GetString() ? customers[1] : customers[0];
        await producer.SendAsync("cb.accounts", high, Json.Matured($"{high}-2", high, at, "TD-1", 500_000m));
        browser.Until(_ => browser.LiveCard(Of(high, "deposit.matured")), Soon, "the high trigger, live");
        browser.Until(d => d.FindElements(By.CssSelector("#inbox-list article.card")).Count == 41, Soon, "40 live onboarding cards and the high one");
        Assert.Null(browser.LiveCard(t => t.GetAttribute("data-trigger-id") == heldId));

        var published = triggersTopic.ReadUntil(r => Published(r, heldId).Any() && Published(r, null).Any(t => t.GetProperty("customerId").GetString() == high
            && t.GetProperty("type").GetString() == "deposit.matured"), Soon);
        Assert.True(Assert.Single(Published(published, heldId)).GetProperty("digest").GetBoolean());
        Assert.False(Published(published, null).Single(t => t.GetProperty("customerId").GetString() == high && t.GetProperty("type").GetString() == "deposit.matured")
            .GetProperty("digest").GetBoolean());

        browser.Driver.Navigate().Refresh();
        var digest = browser.Until(d => d.FindElements(By.CssSelector("#digest-card[data-count='1']")).FirstOrDefault(), Soon, "the digest card");
        digest.FindElement(By.TagName("summary")).Click();
        Assert.Equal([heldId], digest.FindElements(By.CssSelector("article.card")).Select(card => card.GetAttribute("data-trigger-id")));
        Assert.Equal(41, browser.Driver.FindElements(By.CssSelector("#inbox-list article.card")).Count);
        browser.Screenshot("digest-en");

        browser.Driver.FindElement(By.Id("sign-out")).Click();
        browser.SignIn(Roles.Supervisor);
        var row = browser.Until(d => d.FindElements(By.CssSelector("#team-table tbody tr")).FirstOrDefault(r => r.Text.StartsWith(advisor, StringComparison.Ordinal)),
            Soon, "the advisor's workload");
        Assert.Equal([advisor, "41", "42", "40", "40", "1"], row.FindElements(By.TagName("td")).Select(td => td.Text));
        browser.Screenshot("team-en");
    }

    [Fact]
    public async Task A_supervisor_opens_the_dashboard_from_the_workbench_and_an_advisor_has_no_way_in()
    {
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"workbench-dashboard-{_run}"));
        using var browser = Browser.Start(engine.BaseUrl);
        browser.SignIn(Roles.Advisor, $"WD-{_run}");
        Assert.Empty(browser.Driver.FindElements(By.Id("nav-dashboard")));
        browser.Driver.FindElement(By.Id("sign-out")).Click();

        browser.SignIn(Roles.Supervisor);
        browser.Driver.FindElement(By.Id("nav-dashboard")).Click();
        browser.Until(d => d.Url == $"{engine.BaseUrl}/dashboard/" && d.Title == "Orleans Dashboard", Soon, "the dashboard page");
        // The page's own calls go without a bearer header, as the browser sends them: the cookie lets them in.
        Assert.Equal(200L, ((IJavaScriptExecutor)browser.Driver).ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1]; fetch('ClusterStats').then(r => done(r.status));"));
    }

    private static Func<IWebElement, bool> Of(string customerId, string type) =>
        card => card.GetAttribute("data-customer-id") == customerId && card.GetAttribute("data-type") == type;

    private static List<string?> LiveTypes(Browser browser) =>
        browser.Driver.FindElements(By.CssSelector("#inbox-list article.card")).Select(card => card.GetAttribute("data-type")).ToList();

    private static IEnumerable<JsonElement> Published(IEnumerable<TopicReader.Record> records, string? triggerId) =>
        records.Select(r => JsonSerializer.Deserialize<JsonElement>(r.Value, EngineJson.Options))
            .Where(t => triggerId is null || t.GetProperty("triggerId").GetString() == triggerId);
}
