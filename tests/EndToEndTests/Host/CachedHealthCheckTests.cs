using Engagement.Silo.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Engagement.EndToEndTests.Host;

/// <summary>A cached check asks the system it checks at most once per period; probes meanwhile share the answer, and
/// get the last one while a newer one is on its way unless it is too old.</summary>
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
    public async Task While_a_newer_answer_is_on_its_way_probes_get_the_last_one_and_a_caller_giving_up_does_not_cancel_it()
    {
        await _cached.CheckHealthAsync(new HealthCheckContext());
        var pending = new TaskCompletionSource<HealthCheckResult>();
        _inner.Next = pending.Task;
        _clock.Advance(CachedHealthCheck<CountingCheck>.For);
        var meanwhile = await _cached.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal((2, "answer 1"), (_inner.Asked, meanwhile.Description));

        _clock.Advance(CachedHealthCheck<CountingCheck>.StaleFor);
        using var impatient = new CancellationTokenSource();
        var waiting = _cached.CheckHealthAsync(new HealthCheckContext(), impatient.Token);
        var patient = _cached.CheckHealthAsync(new HealthCheckContext());
        await impatient.CancelAsync();
        pending.SetResult(HealthCheckResult.Unhealthy("away"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal((2, HealthStatus.Unhealthy), (_inner.Asked, (await patient).Status));
        Assert.Equal("away", (await _cached.CheckHealthAsync(new HealthCheckContext())).Description);
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
