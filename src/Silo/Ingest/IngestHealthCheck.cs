using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Engagement.Silo.Ingest;

/// <summary>Ready when ingest has joined its group and holds an assignment; its data is the progress per partition.</summary>
public sealed class IngestHealthCheck(IngestStatus status) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var partitions = status.Partitions();
        var data = new Dictionary<string, object> { ["partitions"] = partitions };
        return Task.FromResult(status.Consuming
            ? HealthCheckResult.Healthy($"Consuming {partitions.Count} partitions.", data)
            : HealthCheckResult.Unhealthy("Ingest has not joined its consumer group, or has stopped.", data: data));
    }
}
