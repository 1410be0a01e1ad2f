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
    IConfiguration configuration,
    ILogger<StartupBanner> logger) : IHostedService
{
    private const string SupervisorToken = "dotnet run --project src/Silo -- token --role supervisor";

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
            if (string.Equals(configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
            {
                // With JSON console logs every line is one JSON object: the banner is one structured message too.
                logger.LogInformation("Engagement engine is up: API {ApiUrls}, Kafka bootstrap servers {BootstrapServers}, development token: {TokenCommand}",
                    urls, kafka.Value.BootstrapServers, SupervisorToken);
            }
            else
            {
                Console.WriteLine($"""

                    Engagement engine is up.
                      API:                     {urls}   (OpenAPI at /openapi/v1.json)
                      Kafka bootstrap servers: {kafka.Value.BootstrapServers}
                      Development token:       {SupervisorToken}
                                               dotnet run --project src/Silo -- token --role advisor --advisor-id A7
                      Readiness:               GET /health/ready answers 200 once ingest consumes and storage and Kafka answer.

                    """);
            }
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
