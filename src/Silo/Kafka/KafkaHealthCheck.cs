using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Kafka;

/// <summary>Whether the Kafka cluster answers: a metadata request from an admin client, with a short timeout.</summary>
public sealed class KafkaHealthCheck(IOptions<KafkaOptions> options) : IHealthCheck, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    // The check's answer is the report: the client's own logs of a lost broker would only repeat the consumer's.
    private readonly Lazy<IAdminClient> _admin = new(() =>
        new AdminClientBuilder(KafkaClients.Admin(options.Value))
            .SetLogHandler((_, _) => { })
            .SetErrorHandler((_, _) => { })
            .Build());

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            try
            {
                var brokers = _admin.Value.GetMetadata(Timeout).Brokers.Count;
                return brokers > 0
                    ? HealthCheckResult.Healthy($"{brokers} brokers answer.")
                    : HealthCheckResult.Unhealthy("The cluster's metadata names no broker.");
            }
            catch (KafkaException e)
            {
                return HealthCheckResult.Unhealthy($"No metadata within {Timeout.TotalSeconds:0} s: {e.Error.Reason}");
            }
        }, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_admin.IsValueCreated)
        {
            _admin.Value.Dispose();
        }
    }
}
