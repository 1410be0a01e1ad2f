using System.Security.Claims;
using Engagement.Api.Auth;
using Engagement.Customers;

namespace Engagement.Api.Apis;

/// <summary>The customer checks every customer route makes: an advisor only on customers currently assigned to them.</summary>
public static class Access
{
    /// <summary>Whether the caller may act on the customer now (a reassignment moves the right at once).</summary>
    public static async Task<bool> MayActOnCustomerAsync(this ClaimsPrincipal user, ICustomerGrain customer) =>
        !user.IsAdvisor() || user.MayActFor((await customer.GetAccessAsync()).AdvisorId);
}
