using Engagement.Silo.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Engagement.UnitTests.Telemetry;

/// <summary>A cached check asks the system it checks at most once per period, and probes meanwhile share the answer.</summary>
public sealed class CachedHealthCheckTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UnixEpoch);
    private readonly CountingCheck _inner = new();
    private readonly CachedHealthCheck<CountingCheck> _cached;

    public CachedHealthCheckTests() => _cached = new CachedHealthCheck<CountingCheck>(_inner, _clock);

    [Fact]
    public async Task Probes_within_the_period_share_one_answer_and_the_next_period_asks_again()
    {
        var first = await _cached.CheckHealthAsync(new HealthCheckContext());
        _clock.Advance(CachedHealthCheck<CountingCheck>.For - TimeSpan.FromMilliseconds(1));
        var second = await _cached.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal((1, "answer 1", "answer 1"), (_inner.Asked, first.Description, second.Description));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var third = await _cached.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal((2, "answer 2"), (_inner.Asked, third.Description));
    }

    [Fact]
    public async Task Probes_while_an_answer_is_in_flight_wait_for_it_and_a_caller_giving_up_does_not_cancel_it()
    {
        var pending = new TaskCompletionSource<HealthCheckResult>();
        _inner.Next = pending.Task;
        using var impatient = new CancellationTokenSource();
        var first = _cached.CheckHealthAsync(new HealthCheckContext(), impatient.Token);
        _clock.Advance(CachedHealthCheck<CountingCheck>.For * 2);
        var second = _cached.CheckHealthAsync(new HealthCheckContext());
        await impatient.CancelAsync();
        pending.SetResult(HealthCheckResult.Unhealthy("away"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal((1, HealthStatus.Unhealthy), (_inner.Asked, (await second).Status));
    }

    /// <summary>Answers "answer N" on its Nth call, or <see cref="Next"/> when set.</summary>
    public sealed class CountingCheck : IHealthCheck
    {
        public int Asked { get; private set; }

        public Task<HealthCheckResult>? Next { get; set; }

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Asked++;
            return Next ?? Task.FromResult(HealthCheckResult.Healthy($"answer {Asked}"));
        }
    }
}
