using Orleans.Runtime;

namespace Engagement;

/// <summary>Writes a reentrant grain's state one write at a time: interleaved writes would race on the ETag.</summary>
public sealed class SerialStateWriter<T>(IPersistentState<T> state)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for any write in progress, then writes (dropping <paramref name="grain"/>'s activation if the write fails).</summary>
    public async Task WriteAsync(Grain grain)
    {
        await _gate.WaitAsync();
        try
        {
            await state.WriteOrForgetAsync(grain);
        }
        finally
        {
            _gate.Release();
        }
    }
}
