using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Engagement.Api.Apis;

/// <summary>Liveness, readiness and the operators' health detail, on ASP.NET Core's health checks, without auth.</summary>
public static class HealthApi
{
    /// <summary>The tag of the checks that readiness waits for.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Maps <c>/health/live</c> (200 while the process serves), <c>/health/ready</c> (200 when every
    /// <see cref="ReadyTag"/> check passes, else 503 problem+json naming the failing ones) and <c>/health/detail</c>
    /// (the same with each check's data, such as ingest's progress per partition).</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", Answer(_ => false, detailed: false)).AllowAnonymous();
        app.MapHealthChecks("/health/ready", Answer(check => check.Tags.Contains(ReadyTag), detailed: false)).AllowAnonymous();
        app.MapHealthChecks("/health/detail", Answer(check => check.Tags.Contains(ReadyTag), detailed: true)).AllowAnonymous();
        return app;
    }

    private static HealthCheckOptions Answer(Func<HealthCheckRegistration, bool> predicate, bool detailed) => new()
    {
        Predicate = predicate,
        ResponseWriter = (http, report) => WriteAsync(http, report, detailed),
    };

    private static async Task WriteAsync(HttpContext http, HealthReport report, bool detailed)
    {
        var checks = report.Entries
            .Select(e => new CheckAnswer(e.Key, e.Value.Status, e.Value.Description, detailed ? e.Value.Data : null))
            .ToList();
        if (report.Status != HealthStatus.Unhealthy)
        {
            await http.Response.WriteAsJsonAsync(new { status = report.Status, checks }, EngineJson.Options);
            return;
        }
        var failing = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => $"{e.Key}: {e.Value.Description}");
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Not ready",
            Detail = string.Join("; ", failing),
            Extensions = { ["checks"] = checks },
        };
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    private sealed record CheckAnswer(
        string Name,
        HealthStatus Status,
        string? Description,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, object>? Data);
}
