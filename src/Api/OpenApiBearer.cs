using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Engagement.Api;

/// <summary>Declares the bearer JWT scheme in the OpenAPI document, so the interactive page can send a token.</summary>
public static class OpenApiBearer
{
    private const string Scheme = "bearer";

    /// <summary>Adds the scheme and requires it document-wide.</summary>
    public static OpenApiOptions AddBearerScheme(this OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from `dotnet run --project src/Silo -- token --role supervisor` (development key).",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] });
            return Task.CompletedTask;
        });
}
