using Engagement.Api.Auth;
using Engagement.Triggers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Engagement.Api.Apis;

/// <summary>The advisors' workbench at <c>/</c> (SPEC §7): its static page, the settings it starts from and, with the
/// development signing key only, development sign-in.</summary>
public static class WorkbenchApi
{
    private static readonly TimeSpan DevelopmentTokenLifetime = TimeSpan.FromHours(8);

    /// <summary>Serves the page's files from <c>wwwroot</c> beside the engine's assemblies, <c>index.html</c> at <c>/</c>.</summary>
    public static WebApplication UseWorkbench(this WebApplication app)
    {
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // The page is small and changes with the engine: always revalidate rather than run a stale script.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    /// <summary>Maps <c>/workbench/settings</c> and, when the development key is in use, <c>/workbench/development-token</c>.</summary>
    public static IEndpointRouteBuilder MapWorkbenchApi(this IEndpointRouteBuilder app)
    {
        var auth = app.ServiceProvider.GetRequiredService<AuthOptions>();
        var workbench = app.MapGroup("/workbench").AllowAnonymous().WithTags("Workbench");
        // Read when asked, not when mapped: the engine checks Engine:Language as it starts, after the routes are mapped.
        workbench.MapGet("/settings", (IConfiguration configuration) => TypedResults.Ok(new WorkbenchSettings(
                Languages.CodeOf(Languages.Parse(configuration["Engine:Language"])), auth.UsesDevelopmentKey, auth.Authority, auth.ClientId, auth.Scope)))
            .WithName("GetWorkbenchSettings").WithSummary("What the page starts from: its language and how to sign in.");
        if (auth.UsesDevelopmentKey)
        {
            workbench.MapPost("/development-token", (DevelopmentTokenRequest request, TimeProvider clock) => Issue(auth, request, clock))
                .WithName("CreateDevelopmentToken")
                .WithSummary("Development only (the development signing key is in use): a token for a role and advisor.");
        }
        return app;
    }

    private static Results<Ok<DevelopmentTokenAnswer>, ProblemHttpResult> Issue(AuthOptions auth, DevelopmentTokenRequest request, TimeProvider clock)
    {
        if (request.Role is not { } role || !Roles.All.Contains(role))
        {
            return Problems.BadRequest("role must be advisor, supervisor or service.");
        }
        if ((role == Roles.Advisor) != (request.AdvisorId is not null) || (request.AdvisorId is { } id && !RouteIds.IsValid(id)))
        {
            return Problems.BadRequest("advisorId is required for an advisor, and only for one: 1 to 64 characters of A-Z, a-z, 0-9, '_', '.' or '-'.");
        }
        return TypedResults.Ok(new DevelopmentTokenAnswer(DevelopmentTokens.Create(auth, role, request.AdvisorId, DevelopmentTokenLifetime, clock.GetUtcNow())));
    }
}

/// <summary>What the workbench page starts from.</summary>
/// <param name="Language">The page's language: <c>en</c> or <c>zh-CN</c>.</param>
/// <param name="DevelopmentSignIn">Whether the development sign-in route is there.</param>
/// <param name="Authority">The OpenID Connect authority to sign in through, in production.</param>
/// <param name="ClientId">The page's client id at the authority.</param>
/// <param name="Scope">The scopes to ask for.</param>
public sealed record WorkbenchSettings(string Language, bool DevelopmentSignIn, string? Authority, string? ClientId, string Scope);

/// <summary>The body of <c>POST /workbench/development-token</c>.</summary>
public sealed record DevelopmentTokenRequest(string? Role, string? AdvisorId);

/// <summary>A development token.</summary>
public sealed record DevelopmentTokenAnswer(string Token);
