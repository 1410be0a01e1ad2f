using System.Security.Claims;
using Engagement.Api.Auth;
using Engagement.Customers;
using Engagement.Triggers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Engagement.Api.Apis;

/// <summary>A customer's current state, points, redemptions and triggers.</summary>
public static class CustomersApi
{
    private const int DefaultLedgerLimit = 50;
    private const int MaxLedgerLimit = 500;

    /// <summary>Maps <c>/api/customers/{customerId}</c>.</summary>
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var customer = app.MapGroup("/api/customers/{customerId}")
            .RequireAuthorization(AuthSetup.ApiPolicy)
            .AddEndpointFilter(RouteIds.Validate)
            .WithTags("Customers");
        customer.MapGet("", GetCustomerAsync).WithName("GetCustomer").WithSummary("The customer's current state.");
        customer.MapGet("/points", GetPointsAsync).WithName("GetPoints").WithSummary("The points balance and ledger, newest first.");
        customer.MapPost("/points/redemptions", RedeemAsync).WithName("RedeemPoints").WithSummary("Spends points, idempotent by redemptionId.");
        customer.MapGet("/triggers", GetTriggersAsync).WithName("GetCustomerTriggers").WithSummary("The customer's triggers, newest first.");
        return app;
    }

    private static async Task<Results<Ok<CustomerView>, ProblemHttpResult, ForbidHttpResult>> GetCustomerAsync(
        string customerId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var grain = grains.GetGrain<ICustomerGrain>(customerId);
        if (!await user.MayActOnCustomerAsync(grain))
        {
            return TypedResults.Forbid();
        }
        return await grain.GetViewAsync() is { } view ? TypedResults.Ok(view) : NeverSeen(customerId);
    }

    private static async Task<Results<Ok<PointsView>, ProblemHttpResult, ForbidHttpResult>> GetPointsAsync(
        string customerId, int? limit, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (limit is < 1 or > MaxLedgerLimit)
        {
            return Problems.BadRequest($"limit must be between 1 and {MaxLedgerLimit}.");
        }
        var grain = grains.GetGrain<ICustomerGrain>(customerId);
        if (!await user.MayActOnCustomerAsync(grain))
        {
            return TypedResults.Forbid();
        }
        return await grain.GetPointsAsync(limit ?? DefaultLedgerLimit) is { } points ? TypedResults.Ok(points) : NeverSeen(customerId);
    }

    private static async Task<Results<Ok<RedemptionAnswerBody>, ProblemHttpResult, ForbidHttpResult>> RedeemAsync(
        string customerId, RedemptionRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (request.Problem() is { } problem)
        {
            return Problems.BadRequest(problem);
        }
        var grain = grains.GetGrain<ICustomerGrain>(customerId);
        if (!await user.MayActOnCustomerAsync(grain))
        {
            return TypedResults.Forbid();
        }
        return await grain.RedeemAsync(new Redemption(request.RedemptionId!, request.Points!.Value, request.Reason)) switch
        {
            null => NeverSeen(customerId),
            { Accepted: true } accepted => TypedResults.Ok(new RedemptionAnswerBody(accepted.Balance)),
            var refused => TypedResults.Problem($"The balance of {refused.Balance} points does not cover {request.Points} points.",
                statusCode: StatusCodes.Status409Conflict, title: "Insufficient points",
                extensions: new Dictionary<string, object?> { ["balance"] = refused.Balance }),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<Trigger>>, ProblemHttpResult, ForbidHttpResult>> GetTriggersAsync(
        string customerId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var grain = grains.GetGrain<ICustomerGrain>(customerId);
        if (!await user.MayActOnCustomerAsync(grain))
        {
            return TypedResults.Forbid();
        }
        return await grain.GetTriggersAsync() is { } triggers ? TypedResults.Ok(triggers) : NeverSeen(customerId);
    }

    private static ProblemHttpResult NeverSeen(string customerId) => Problems.NotFound($"Customer {customerId} was never seen.");
}
