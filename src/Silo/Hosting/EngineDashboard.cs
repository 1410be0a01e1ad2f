using Engagement.Api.Auth;
using Orleans.Dashboard;

namespace Engagement.Silo.Hosting;

/// <summary>The Orleans dashboard, served by the engine's own HTTP server under <c>/dashboard</c>, to supervisors only.</summary>
internal static class EngineDashboard
{
    /// <summary>Adds the dashboard's silo services: the grain call profiler and the counters it shows.</summary>
    public static ISiloBuilder AddEngineDashboard(this ISiloBuilder silo) => silo.AddDashboard();

    /// <summary>Maps the dashboard's page and API behind the supervisors' policy.</summary>
    public static WebApplication MapEngineDashboard(this WebApplication app)
    {
        // The page lives at the path with a trailing slash, so that its relative asset paths resolve; the bare path
        // redirects there. Its routes are the dashboard's own, not the engine's API: they stay out of the OpenAPI document.
        app.MapOrleansDashboard(DashboardSession.Path).RequireAuthorization(AuthSetup.SupervisorPolicy).ExcludeFromDescription();
        app.MapDashboardSession();
        return app;
    }
}
