using Engagement.Api.Auth;
using Engagement.EndToEndTests.Support;

namespace Engagement.EndToEndTests.Engine;

/// <summary>The Orleans dashboard is served under /dashboard to supervisors only.</summary>
[Collection(EngineCollection.Name)]
public sealed class DashboardTests(EngineFixture fixture)
{
    [Fact]
    public async Task The_dashboard_answers_supervisors_only_and_the_bare_path_leads_to_its_page()
    {
        await using var engine = await TestEngine.StartAsync(fixture.EngineSettings($"dashboard-{Guid.NewGuid():N}"));
        var supervisor = engine.Token(Roles.Supervisor);

        using var page = await engine.SendAsync(HttpMethod.Get, "/dashboard/", supervisor, null);
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(200, await engine.StatusAsync("/dashboard/ClusterStats", supervisor));

        foreach (var path in new[] { "/dashboard", "/dashboard/", "/dashboard/ClusterStats" })
        {
            Assert.Equal(401, await engine.StatusAsync(path));
            Assert.Equal(403, await engine.StatusAsync(path, engine.Token(Roles.Advisor, "A1")));
            Assert.Equal(403, await engine.StatusAsync(path, engine.Token(Roles.Service)));
        }

        // The page's assets are relative to it: the bare path sends a supervisor on to the page.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(engine.BaseUrl) };
        using var bare = await http.SendAsync(HttpMethod.Get, "/dashboard", supervisor, null);
        Assert.Equal(301, (int)bare.StatusCode);
        Assert.Equal("/dashboard/", bare.Headers.Location?.OriginalString);
    }
}
