using System.Security.Claims;
using Engagement.Api.Auth;
using Engagement.Customers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Engagement.Api.Apis;

/// <summary>A customer's current state and points.</summary>
public static class CustomersApi
{
    private const int DefaultLedgerLimit = 50;
    private const int MaxLedgerLimit = 200;

    /// <summary>Maps <c>/api/customers</c>.</summary>
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers/{customerId}")
            .RequireAuthorization(AuthSetup.ApiPolicy)
            .AddEndpointFilter(RouteIds.Validate)
            .WithTags("Customers");
        customers.MapGet("", GetCustomerAsync).WithName("GetCustomer");
        customers.MapGet("/points", GetPointsAsync).WithName("GetPoints");
        return app;
    }

    private static async Task<Results<Ok<CustomerView>, ProblemHttpResult, ForbidHttpResult>> GetCustomerAsync(
        string customerId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var view = await grains.GetGrain<ICustomerGrain>(customerId).GetViewAsync();
        if (!user.MayActFor(view?.AdvisorId))
        {
            return TypedResults.Forbid();
        }
        return view is null ? Problems.NotFound($"Customer {customerId} was never seen.") : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<PointsView>, ProblemHttpResult, ForbidHttpResult>> GetPointsAsync(
        string customerId, int? limit, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (limit is < 1 or > MaxLedgerLimit)
        {
            return Problems.BadRequest($"limit must be between 1 and {MaxLedgerLimit}.");
        }
        var grain = grains.GetGrain<ICustomerGrain>(customerId);
        if (user.IsAdvisor() && !user.MayActFor((await grain.GetViewAsync())?.AdvisorId))
        {
            return TypedResults.Forbid();
        }
        var points = await grain.GetPointsAsync(limit ?? DefaultLedgerLimit);
        return points is null ? Problems.NotFound($"Customer {customerId} was never seen.") : TypedResults.Ok(points);
    }
}
