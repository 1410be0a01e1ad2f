using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Engagement.Api.Auth;

/// <summary>Lets a browser open the supervisors' dashboard, which it navigates to without a bearer header: the
/// workbench posts its token to <c>POST /dashboard/session</c>, which keeps it in a cookie that only the dashboard's
/// own paths read.</summary>
/// <remarks>The cookie is HttpOnly and SameSite=Strict, scoped to <see cref="Path"/> and expiring with the token; it
/// carries the same signed token, so the supervisors' policy decides as it does for the header. Only a request
/// with a valid supervisor token in its header can set it.</remarks>
public static class DashboardSession
{
    /// <summary>Where the dashboard is served.</summary>
    public const string Path = "/dashboard";

    private const string CookieName = "engine-dashboard";
    private const string BearerPrefix = "Bearer ";

    /// <summary>Maps <c>POST /dashboard/session</c> for supervisors.</summary>
    public static IEndpointRouteBuilder MapDashboardSession(this IEndpointRouteBuilder app)
    {
        app.MapPost($"{Path}/session", (HttpContext http, TimeProvider clock) =>
            {
                // A request signed in by the cookie already has it: only a header's token is kept.
                var header = http.Request.Headers.Authorization.ToString();
                if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    return TypedResults.NoContent();
                }
                var expires = long.TryParse(http.User.FindFirst("exp")?.Value, out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : clock.GetUtcNow();
                http.Response.Cookies.Append(CookieName, header[BearerPrefix.Length..].Trim(), new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = http.Request.IsHttps,
                    Path = Path,
                    Expires = expires,
                });
                return TypedResults.NoContent();
            })
            .RequireAuthorization(AuthSetup.SupervisorPolicy)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Takes the token from the cookie for a dashboard request that came without a bearer header.</summary>
    public static Task ReadCookie(MessageReceivedContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(Path) && string.IsNullOrEmpty(request.Headers.Authorization)
            && request.Cookies.TryGetValue(CookieName, out var token))
        {
            context.Token = token;
        }
        return Task.CompletedTask;
    }
}
