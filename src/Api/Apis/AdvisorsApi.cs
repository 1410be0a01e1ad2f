using System.Globalization;
using System.Security.Claims;
using Engagement.Advisors;
using Engagement.Api.Auth;
using Engagement.Customers;
using Engagement.Triggers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Engagement.Api.Apis;

/// <summary>An advisor's inbox, outcomes, book and metrics; advisors only on their own.</summary>
public static class AdvisorsApi
{
    private const int BookConcurrency = 32;

    /// <summary>Maps <c>/api/advisors/{advisorId}</c>.</summary>
    public static IEndpointRouteBuilder MapAdvisorsApi(this IEndpointRouteBuilder app)
    {
        var advisor = app.MapGroup("/api/advisors/{advisorId}")
            .RequireAuthorization(AuthSetup.ApiPolicy)
            .AddEndpointFilter(RouteIds.Validate)
            .AddEndpointFilter(OwnAdvisorOnly)
            .WithTags("Advisors");
        advisor.MapGet("/triggers", GetInboxAsync).WithName("GetInbox").WithSummary("The advisor's inbox, by severity then newest.");
        advisor.MapPost("/triggers/{triggerId}/outcome", RecordOutcomeAsync).WithName("RecordOutcome")
            .WithSummary("Records what the advisor did: acknowledged leaves the trigger open, the rest close it.");
        advisor.MapGet("/customers", GetBookAsync).WithName("GetBook").WithSummary("The customers currently assigned to the advisor.");
        advisor.MapGet("/metrics", GetMetricsAsync).WithName("GetMetrics").WithSummary("Per trigger type: fired, reached, opportunity, won, contact rate.");
        advisor.MapGet("/digest", GetDigestAsync).WithName("GetDigest")
            .WithSummary("The day's digest (today in Engine:TimeZone by default): the triggers held back from the live push by the daily cap.");
        advisor.MapTriggerStream();
        app.MapGet("/api/advisors", GetWorkloadsAsync).WithName("GetWorkloads").WithTags("Advisors")
            .RequireAuthorization(AuthSetup.ApiPolicy).AddEndpointFilter(Access.NoAdvisors)
            .WithSummary("(supervisor, service) Every advisor's workload today, the unassigned queue included.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<Trigger>>, ProblemHttpResult>> GetDigestAsync(string advisorId, string? date, IGrainFactory grains)
    {
        DateOnly? day = null;
        if (date is not null)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Problems.BadRequest("date must be a date as YYYY-MM-DD.");
            }
            day = parsed;
        }
        return TypedResults.Ok(await grains.GetGrain<IAdvisorGrain>(advisorId).GetDigestAsync(day));
    }

    private static async Task<Ok<AdvisorWorkload[]>> GetWorkloadsAsync(IGrainFactory grains)
    {
        var advisors = await grains.GetGrain<IAdvisorDirectoryGrain>(0).GetAdvisorsAsync();
        return TypedResults.Ok(await Task.WhenAll(advisors.Select(id => grains.GetGrain<IAdvisorGrain>(id).GetWorkloadAsync())));
    }

    private static async ValueTask<object?> OwnAdvisorOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.User.MayActFor(context.HttpContext.Request.RouteValues["advisorId"] as string)
            ? await next(context)
            : TypedResults.Forbid();

    private static async Task<Results<Ok<IReadOnlyList<Trigger>>, ProblemHttpResult>> GetInboxAsync(
        string advisorId, string? status, IGrainFactory grains)
    {
        TriggerStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<TriggerStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                return Problems.BadRequest("status must be one of open, acknowledged, closed, suppressed, expired.");
            }
            wanted = parsed;
        }
        return TypedResults.Ok(await grains.GetGrain<IAdvisorGrain>(advisorId).GetInboxAsync(wanted));
    }

    private static async Task<Results<Ok<Trigger>, ProblemHttpResult>> RecordOutcomeAsync(
        string advisorId, string triggerId, OutcomeRequest request, IGrainFactory grains, TimeProvider clock)
    {
        if (!TriggerIdFormat.IsValid(triggerId))
        {
            return Problems.BadRequest("triggerId must be 't-' followed by 24 hexadecimal digits.");
        }
        if (request.Problem() is { } problem)
        {
            return Problems.BadRequest(problem);
        }
        if (await grains.GetGrain<IAdvisorGrain>(advisorId).FindTriggerAsync(triggerId) is not { } trigger)
        {
            return Problems.NotFound($"Trigger {triggerId} is not in the inbox of {advisorId}.");
        }
        var outcome = new TriggerOutcome(request.Outcome!.Value, request.Note, request.Amount, clock.GetUtcNow());
        return await grains.GetGrain<ICustomerGrain>(trigger.CustomerId).RecordOutcomeAsync(triggerId, outcome) is { } updated
            ? TypedResults.Ok(updated)
            : TypedResults.Problem($"Trigger {triggerId} is no longer open.", statusCode: StatusCodes.Status409Conflict, title: "Trigger closed");
    }

    private static async Task<Ok<IReadOnlyList<BookEntry>>> GetBookAsync(string advisorId, IGrainFactory grains)
    {
        var book = await grains.GetGrain<IAdvisorGrain>(advisorId).GetBookAsync();
        var entries = new List<BookEntry>();
        foreach (var chunk in book.Chunk(BookConcurrency))
        {
            var views = await Task.WhenAll(chunk.Select(id => grains.GetGrain<ICustomerGrain>(id).GetViewAsync()));
            entries.AddRange(views.OfType<CustomerView>().Where(v => v.AdvisorId == advisorId || (v.AdvisorId is null && advisorId == "unassigned"))
                .Select(v => new BookEntry(v.CustomerId, v.Name, v.Tier.Current, v.Aum, v.OpenTriggers)));
        }
        return TypedResults.Ok<IReadOnlyList<BookEntry>>(entries);
    }

    private static async Task<Ok<Dictionary<string, TypeMetrics>>> GetMetricsAsync(string advisorId, IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IAdvisorGrain>(advisorId).GetMetricsAsync())
            .ToDictionary(m => m.Type, m => new TypeMetrics(m.Fired, m.Reached, m.Opportunity, m.Won, m.Closed, m.ContactRate), StringComparer.Ordinal));
}
