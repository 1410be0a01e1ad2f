using Engagement.Api.Auth;
using Engagement.EndToEndTests.Support;

namespace Engagement.EndToEndTests.Engine;

/// <summary>The Orleans dashboard is served under /dashboard to supervisors only.</summary>
[Collection(EngineCollection.Name)]
public sealed class DashboardTests(EngineFixture fixture)
{
    [Fact]
    public async Task The_dashboard_answers_supervisors_only_by_header_or_by_its_own_cookie()
    {
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"dashboard-{Guid.NewGuid():N}"));
        var supervisor = engine.Token(Roles.Supervisor);

        using (var page = await engine.SendAsync(HttpMethod.Get, "/dashboard/", supervisor, null))
        {
            Assert.Equal(200, (int)page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(200, await engine.StatusAsync("/dashboard/ClusterStats", supervisor));
        foreach (var path in new[] { "/dashboard", "/dashboard/", "/dashboard/ClusterStats" })
        {
            Assert.Equal(401, await engine.StatusAsync(path));
            Assert.Equal(403, await engine.StatusAsync(path, engine.Token(Roles.Advisor, "A1")));
            Assert.Equal(403, await engine.StatusAsync(path, engine.Token(Roles.Service)));
        }

        // A browser navigates without the header: the workbench first has its token kept in a cookie for the dashboard.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(engine.BaseUrl) };
        Assert.Equal(403, await StatusAsync(browser, HttpMethod.Post, "/dashboard/session", engine.Token(Roles.Advisor, "A1")));
        Assert.Equal(401, await StatusAsync(browser, HttpMethod.Post, "/dashboard/session", null));
        string cookie;
        using (var session = await browser.SendAsync(HttpMethod.Post, "/dashboard/session", supervisor, null))
        {
            Assert.Equal(204, (int)session.StatusCode);
            var setCookie = Assert.Single(session.Headers.GetValues("Set-Cookie"));
            Assert.Equal(["path=/dashboard", "samesite=strict", "httponly"], setCookie.Split("; ").Where(a => !a.StartsWith("expires=", StringComparison.Ordinal)).Skip(1));
            cookie = setCookie.Split(';')[0];
        }
        Assert.Equal(200, await StatusAsync(browser, HttpMethod.Get, "/dashboard/", null, cookie));
        Assert.Equal(200, await StatusAsync(browser, HttpMethod.Get, "/dashboard/ClusterStats", null, cookie));
        Assert.Equal(401, await StatusAsync(browser, HttpMethod.Get, "/api/advisors", null, cookie));

        // The page's assets are relative to it: the bare path sends a supervisor on to the page.
        using var bare = await browser.SendAsync(HttpMethod.Get, "/dashboard", supervisor, null);
        Assert.Equal(301, (int)bare.StatusCode);
        Assert.Equal("/dashboard/", bare.Headers.Location?.OriginalString);
    }

    private static async Task<int> StatusAsync(HttpClient http, HttpMethod method, string path, string? token, string? cookie = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }
}
