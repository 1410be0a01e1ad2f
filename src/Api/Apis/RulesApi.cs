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
    private const int DefaultWaitSeconds = 10;
    private const int MaxWaitSeconds = 60;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

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
        rules.MapPost("/backtest", BacktestAsync).WithName("StartBacktest").RequireAuthorization(AuthSetup.SupervisorPolicy)
            .WithSummary("(supervisor) Folds the retained input through the rules in force and a candidate, apart from live state; answers 200 with the counts when done within `wait` seconds (default 10), else 202 with the progress and a Location to poll.");
        rules.MapGet("/backtests/{backtestId}", GetBacktestAsync).WithName("GetBacktest").RequireAuthorization(AuthSetup.SupervisorPolicy)
            .WithSummary("(supervisor) A back-test's report as far as it has got.");
        return app;
    }

    private static async Task<Results<Ok<BacktestReport>, Accepted<BacktestReport>, ProblemHttpResult, ValidationProblem>> BacktestAsync(
        BacktestRequest request, int? wait, IGrainFactory grains, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (request.Problem(now) is { } problem)
        {
            return Problems.BadRequest(problem);
        }
        if (wait is < 0 or > MaxWaitSeconds)
        {
            return Problems.BadRequest($"wait must be from 0 to {MaxWaitSeconds} seconds.");
        }
        var to = request.To ?? now;
        var grain = grains.GetGrain<IBacktestGrain>(Guid.NewGuid().ToString("N"));
        var start = await grain.StartAsync(request.Rules!.ToJsonString(), request.From ?? to - BacktestRequest.DefaultWindow, to);
        if (start.Report is not { } report)
        {
            return Invalid(start.Problems);
        }
        var deadline = now + TimeSpan.FromSeconds(wait ?? DefaultWaitSeconds);
        while (report.Status == BacktestStatus.Running && clock.GetUtcNow() < deadline)
        {
            await Task.Delay(PollEvery, clock);
            report = await grain.GetAsync() ?? report;
        }
        var location = $"/api/rules/backtests/{report.BacktestId}";
        return report.Status == BacktestStatus.Running ? TypedResults.Accepted(location, report) : TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<BacktestReport>, ProblemHttpResult>> GetBacktestAsync(string backtestId, IGrainFactory grains) =>
        await grains.GetGrain<IBacktestGrain>(backtestId).GetAsync() is { } report
            ? TypedResults.Ok(report)
            : Problems.NotFound($"There is no back-test {backtestId} (a report is kept for an hour after its start).");

    private static ValidationProblem Invalid(IReadOnlyList<string> problems) => TypedResults.ValidationProblem(
        problems.GroupBy(FigureOf).ToDictionary(g => g.Key, g => g.ToArray()),
        detail: string.Join(" ", problems.Select(p => p + ".")), title: "Invalid rule set");

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
            return Invalid(change.Problems);
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
