using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Engagement.Api.Apis;

/// <summary>Liveness and readiness, without auth.</summary>
public static class HealthApi
{
    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").AllowAnonymous().WithTags("Health");
        health.MapGet("/live", () => TypedResults.Ok(new { status = "live" }));
        health.MapGet("/ready", Results<Ok<object>, ProblemHttpResult> (IReadiness readiness) => readiness.IsReady
            ? TypedResults.Ok<object>(new { status = "ready" })
            : TypedResults.Problem("Ingest is not consuming yet.", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
