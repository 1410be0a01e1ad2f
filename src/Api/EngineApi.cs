using Engagement.Api.Apis;
using Engagement.Api.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Api;

/// <summary>Registers and maps the whole HTTP API of SPEC §5.</summary>
public static class EngineApi
{
    /// <summary>Registers auth, problem details, JSON conventions and OpenAPI.</summary>
    public static IServiceCollection AddEngineApi(this IServiceCollection services)
    {
        services.AddEngineAuth();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => EngineJson.Configure(json.SerializerOptions));
        services.AddOpenApi(openApi => openApi.AddBearerScheme().AddHealthRoutes());
        return services;
    }

    /// <summary>Adds the middleware and maps every route.</summary>
    public static WebApplication MapEngineApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWorkbench();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        // The interactive page ships inside the package: it works on a closed network.
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "Engagement engine");
            ui.RoutePrefix = "docs";
        });
        app.MapHealthApi();
        app.MapCustomersApi();
        app.MapAdvisorsApi();
        app.MapRulesApi();
        app.MapWorkbenchApi();
        return app;
    }
}
