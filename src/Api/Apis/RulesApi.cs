using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Engagement.Api.Auth;
using Engagement.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Engagement.Api.Apis;

/// <summary>The rule set as data (SPEC §5): read by supervisors and services, changed by supervisors, every version kept.</summary>
public static class RulesApi
{
    // A rule set is a few kilobytes; anything much larger is not one.
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Maps <c>/api/rules</c>.</summary>
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/rules").WithTags("Rules");
        rules.MapGet("", GetCurrentAsync).WithName("GetRules").RequireAuthorization(AuthSetup.ApiPolicy).AddEndpointFilter(Access.NoAdvisors)
            .WithSummary("(supervisor, service) The rule set in force: every figure of SPEC §3 and §4, with its version.");
        rules.MapGet("/{version:int}", GetVersionAsync).WithName("GetRuleSetVersion").RequireAuthorization(AuthSetup.ApiPolicy)
            .AddEndpointFilter(Access.NoAdvisors).WithSummary("(supervisor, service) One version of the rule set, current or past.");
        rules.MapPut("", ChangeAsync).WithName("PutRules").RequireAuthorization(AuthSetup.SupervisorPolicy)
            .Accepts<JsonObject>("application/json")
            .WithSummary("(supervisor) A new rule set: figures left out keep their value in force; it applies to events applied from the answer on, on every silo.");
        return app;
    }

    private static async Task<Ok<JsonObject>> GetCurrentAsync(IGrainFactory grains) =>
        TypedResults.Ok(Describe(await grains.GetGrain<IRuleSetGrain>(0).GetCurrentAsync()));

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetVersionAsync(int version, IGrainFactory grains) =>
        await grains.GetGrain<IRuleSetGrain>(0).GetAsync(version) is { } ruleSet
            ? TypedResults.Ok(Describe(ruleSet))
            : Problems.NotFound($"There is no rule set version {version}.");

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult, ValidationProblem>> ChangeAsync(
        HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, IRuleSetObserver thisSilo)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return Problems.BadRequest($"A rule set is at most {MaxBodyBytes} bytes.");
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var change = await grains.GetGrain<IRuleSetGrain>(0).ChangeAsync(await reader.ReadToEndAsync(), user.FindFirstValue("sub") ?? Roles.Supervisor);
        if (change.Accepted is not { } accepted)
        {
            return TypedResults.ValidationProblem(
                change.Problems.GroupBy(FigureOf).ToDictionary(g => g.Key, g => g.ToArray()),
                detail: string.Join(" ", change.Problems.Select(p => p + ".")), title: "Invalid rule set");
        }
        // The rule set tells every silo before it answers; this one is told again in case the rule set's grain has just
        // moved and lost its subscribers: the caller's next event is applied under the new version either way.
        await thisSilo.InForceAsync(accepted);
        return TypedResults.Ok(Describe(accepted));
    }

    // A problem starts with the figure it is about (triggers.standardLargeOutflow must be …), or is about the whole body.
    private static string FigureOf(string problem) =>
        problem.Split(' ')[0] is var first && first.Contains('.') ? first : "body";

    private static JsonObject Describe(RuleSetVersion ruleSet)
    {
        var described = new JsonObject
        {
            ["version"] = ruleSet.Version,
            ["createdAt"] = ruleSet.CreatedAt,
            ["createdBy"] = ruleSet.CreatedBy,
        };
        foreach (var (key, value) in JsonNode.Parse(ruleSet.Figures)!.AsObject().ToList())
        {
            described[key] = value?.DeepClone();
        }
        return described;
    }
}
