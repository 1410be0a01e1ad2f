using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Engagement.Silo.Hosting;

/// <summary>A check that reaches another system, asked at most once per <see cref="For"/>: probes meanwhile share the
/// last answer, and while a newer one is on its way they get the last one at once (unless it is older than
/// <see cref="StaleFor"/>), so probes are quick and never hammer the system checked.</summary>
public sealed class CachedHealthCheck<T>(T inner, TimeProvider clock) : IHealthCheck where T : IHealthCheck
{
    /// <summary>How long an answer stands before the system is asked again.</summary>
    public static readonly TimeSpan For = TimeSpan.FromSeconds(3);

    /// <summary>How old an answer may be and still be given while a newer one is on its way.</summary>
    public static readonly TimeSpan StaleFor = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _last;
    private DateTimeOffset _lastAskedAt;
    private Task<HealthCheckResult>? _asking;
    private DateTimeOffset _askedAt;

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            Settle();
            if (_asking is null && (_last is null || now - _lastAskedAt >= For))
            {
                // Not the caller's token: other probes share this answer.
                _asking = inner.CheckHealthAsync(context, CancellationToken.None);
                _askedAt = now;
                Settle();
            }
            var answer = _last is not null && (_asking is null || now - _lastAskedAt < StaleFor) ? _last : _asking!;
            return answer.WaitAsync(cancellationToken);
        }
    }

    private void Settle()
    {
        if (_asking is { IsCompleted: true } done)
        {
            (_last, _lastAskedAt, _asking) = (done, _askedAt, null);
        }
    }
}
