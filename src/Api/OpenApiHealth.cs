using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Engagement.Api;

/// <summary>Describes the health routes in the OpenAPI document: ASP.NET Core's health-check endpoints are not route
/// handlers, so the document would not show them by itself.</summary>
public static class OpenApiHealth
{
    private static readonly (string Path, string Summary, bool MayFail)[] Routes =
    [
        ("/health/live", "200 while the process serves.", false),
        ("/health/ready", "200 when ingest is consuming and storage and Kafka answer; else 503 problem+json naming each failing check.", true),
        ("/health/detail", "Each check's status and data, with ingest's lag and commit point per partition; 503 when not ready.", true),
    ];

    /// <summary>Adds the health routes, without auth, under the tag <c>Health</c>.</summary>
    public static OpenApiOptions AddHealthRoutes(this OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Paths ??= [];
            foreach (var (path, summary, mayFail) in Routes)
            {
                var responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "Healthy." } };
                if (mayFail)
                {
                    responses["503"] = new OpenApiResponse { Description = "Not ready: problem+json naming the failing checks." };
                }
                document.Paths[path] = new OpenApiPathItem
                {
                    Operations = new Dictionary<HttpMethod, OpenApiOperation>
                    {
                        [HttpMethod.Get] = new()
                        {
                            Summary = summary,
                            Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
                            Security = [],
                            Responses = responses,
                        },
                    },
                };
            }
            return Task.CompletedTask;
        });
}
