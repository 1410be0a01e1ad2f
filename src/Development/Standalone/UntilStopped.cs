using System.Runtime.InteropServices;

namespace Engagement.Development.Standalone;

/// <summary>Waits, in the foreground, for Ctrl+C or SIGTERM.</summary>
internal static class UntilStopped
{
    /// <summary>Completes on the first SIGINT or SIGTERM; the process then stops what it started itself.</summary>
    public static async Task WaitAsync()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await stopped.Task;
    }
}
