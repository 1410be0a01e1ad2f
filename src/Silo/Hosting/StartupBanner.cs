using Engagement.Api.Auth;
using Engagement.Silo.Kafka;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Hosting;

/// <summary>Tells whoever started the engine where it listens and how to get a token, once it is up.</summary>
public sealed class StartupBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<KafkaOptions> kafka,
    AuthOptions auth,
    ILogger<StartupBanner> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine($"""

                Engagement engine is up.
                  API:                     {string.Join(", ", urls)}   (OpenAPI at /openapi/v1.json)
                  Kafka bootstrap servers: {kafka.Value.BootstrapServers}
                  Development token:       dotnet run --project src/Silo -- token --role supervisor
                                           dotnet run --project src/Silo -- token --role advisor --advisor-id A7
                  Readiness:               GET /health/ready answers 200 once ingest is consuming.

                """);
            if (auth.UsesDevelopmentKey)
            {
                logger.LogWarning("Tokens are checked against the development signing key: configure Auth:SigningKey or Auth:Authority for any real use");
            }
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
