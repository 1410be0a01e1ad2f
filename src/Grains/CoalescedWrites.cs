namespace Engagement;

/// <summary>Group commit for a reentrant grain: the callers that change its state while a write runs share the next write.</summary>
/// <remarks>
/// A caller's change is always covered, because the write it awaits starts after the change; writes never overlap, so
/// each one carries the ETag the one before returned. A hot grain (an advisor many customers deliver to, an hour bucket
/// many customers schedule into) thus writes once per round trip to storage rather than once per call.
/// Use it from the grain's own scheduler only: it relies on the grain running one turn at a time.
/// </remarks>
/// <param name="write">Writes what changed.</param>
/// <param name="gap">The least time from the start of one write to the start of the next: the callers of that time
/// share one write, however fast storage answers (the in-memory provider answers at once).</param>
/// <param name="clock">The clock the gap is measured on.</param>
public sealed class CoalescedWrites(Func<Task> write, TimeSpan gap = default, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private Task _writing = Task.CompletedTask;
    private TaskCompletionSource? _queued;
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;

    /// <summary>Completes once a write that started after this call has succeeded; fails if that write fails.</summary>
    public Task WriteAsync()
    {
        if (_queued is { } queued)
        {
            return queued.Task;
        }
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queued = next;
        _ = RunAfterAsync(_writing, next);
        return next.Task;
    }

    private async Task RunAfterAsync(Task previous, TaskCompletionSource done)
    {
        // Back on the grain's scheduler, whatever the previous write's outcome: its callers have seen it.
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        var wait = _lastStart + gap - _clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _clock);
        }
        _lastStart = _clock.GetUtcNow();
        // From here on this write may already have taken its snapshot: later changes queue the next one.
        _queued = null;
        _writing = done.Task;
        try
        {
            await write();
            done.SetResult();
        }
        catch (Exception e)
        {
            done.SetException(e);
        }
    }
}
