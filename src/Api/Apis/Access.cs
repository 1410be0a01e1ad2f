using System.Security.Claims;
using Engagement.Api.Auth;
using Engagement.Customers;
using Microsoft.AspNetCore.Http;

namespace Engagement.Api.Apis;

/// <summary>The checks routes make beyond the token's role: an advisor only on customers currently assigned to them, and
/// not at all on the bank-wide routes.</summary>
public static class Access
{
    /// <summary>Whether the caller may act on the customer now (a reassignment moves the right at once).</summary>
    public static async Task<bool> MayActOnCustomerAsync(this ClaimsPrincipal user, ICustomerGrain customer) =>
        !user.IsAdvisor() || user.MayActFor((await customer.GetAccessAsync()).AdvisorId);

    /// <summary>A filter for routes of supervisors and services: an advisor gets 403.</summary>
    public static async ValueTask<object?> NoAdvisors(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.User.IsAdvisor() ? TypedResults.Forbid() : await next(context);
}
