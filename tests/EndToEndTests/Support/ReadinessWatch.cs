namespace Engagement.EndToEndTests.Support;

/// <summary>Asks an engine's <c>/health/ready</c> every 100 ms until disposed, and keeps every answer that was not 200.</summary>
internal sealed class ReadinessWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;
    private readonly List<string> _lapses = [];
    private int _probes;

    public ReadinessWatch(TestEngine engine) => _watching = WatchAsync(engine);

    /// <summary>Stops watching and asserts the engine answered 200 every time, and was asked more than once.</summary>
    public async Task AssertAlwaysReadyAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        Assert.True(_probes > 1, $"readiness was probed only {_probes} times");
        Assert.Empty(_lapses);
    }

    private async Task WatchAsync(TestEngine engine)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var status = await engine.StatusAsync("/health/ready");
                _probes++;
                if (status != 200)
                {
                    _lapses.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {status}");
                }
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (HttpRequestException ex)
            {
                _lapses.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {ex.Message}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }
}
