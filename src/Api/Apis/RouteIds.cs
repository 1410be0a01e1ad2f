using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Engagement.Api.Apis;

/// <summary>Validates ids in routes: 1–64 characters of <c>[A-Za-z0-9_.-]</c>, as SPEC §1 defines them.</summary>
public static partial class RouteIds
{
    private static readonly string[] IdNames = ["customerId", "advisorId"];

    /// <summary>An endpoint filter answering 400 problem+json for an ill-formed id.</summary>
    public static async ValueTask<object?> Validate(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var name in IdNames)
        {
            if (context.HttpContext.Request.RouteValues.TryGetValue(name, out var value)
                && (value is not string id || !IdPattern().IsMatch(id)))
            {
                return Problems.BadRequest($"{name} must be 1 to 64 characters of A-Z, a-z, 0-9, '_', '.' or '-'.");
            }
        }
        return await next(context);
    }

    /// <summary>Whether <paramref name="id"/> is a well-formed customer or advisor id.</summary>
    public static bool IsValid(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex IdPattern();
}
