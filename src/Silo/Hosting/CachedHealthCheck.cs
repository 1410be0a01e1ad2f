using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Engagement.Silo.Hosting;

/// <summary>A check that reaches another system, asked at most once per <see cref="For"/>: probes arriving meanwhile
/// share the last answer, or the one in flight, so frequent probes never hammer the system checked.</summary>
public sealed class CachedHealthCheck<T>(T inner, TimeProvider clock) : IHealthCheck where T : IHealthCheck
{
    /// <summary>How long an answer stands.</summary>
    public static readonly TimeSpan For = TimeSpan.FromSeconds(3);

    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _answer;
    private DateTimeOffset _askedAt;

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_answer is null || (_answer.IsCompleted && now - _askedAt >= For))
            {
                // Not the caller's token: other probes share this answer.
                _answer = inner.CheckHealthAsync(context, CancellationToken.None);
                _askedAt = now;
            }
            return _answer.WaitAsync(cancellationToken);
        }
    }
}
