using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Engagement.Silo.Storage;

/// <summary>Whether the state's storage answers: one query for the state table's name, with a short timeout and no
/// retries; storage in memory always answers.</summary>
public sealed class StorageHealthCheck(StorageOptions storage) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly TableServiceClient? _tables = storage.Provider == StorageKind.Memory
        ? null
        : new TableServiceClient(storage.ConnectionString, new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = Timeout } });

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_tables is null)
        {
            return HealthCheckResult.Healthy("State is kept in memory.");
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await foreach (var _ in _tables.QueryAsync(t => t.Name == storage.TableName, maxPerPage: 1, deadline.Token).AsPages())
            {
                break;
            }
            return HealthCheckResult.Healthy("Table storage answers.");
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or AggregateException)
        {
            // The type and status only: a message may name the account.
            var status = e is RequestFailedException { Status: > 0 } failed ? $", status {failed.Status}" : "";
            return HealthCheckResult.Unhealthy(
                $"Table storage did not answer within {Timeout.TotalSeconds:0} s ({e.GetType().Name}{status}).");
        }
    }
}
