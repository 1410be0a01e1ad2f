using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Engagement.Api.Apis;

/// <summary>RFC 7807 problem+json answers for the API's errors.</summary>
public static class Problems
{
    /// <summary>A 404 problem.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>A 400 problem.</summary>
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
