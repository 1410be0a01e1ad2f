using System.Security.Claims;

namespace Engagement.Api.Auth;

/// <summary>What an authenticated caller may see: advisors their own book, supervisors and services everything.</summary>
public static class Caller
{
    /// <summary>Whether the caller may act for <paramref name="advisorId"/>.</summary>
    public static bool MayActFor(this ClaimsPrincipal user, string? advisorId) =>
        !user.IsAdvisor() || (advisorId is not null && user.FindFirstValue(Roles.AdvisorIdClaim) == advisorId);

    /// <summary>Whether the caller is an advisor (and so limited to their own book).</summary>
    public static bool IsAdvisor(this ClaimsPrincipal user) => user.FindFirstValue(Roles.RoleClaim) == Roles.Advisor;
}
