using Orleans.Runtime;

namespace Engagement;

/// <summary>Writing grain state so that a stale copy never lingers.</summary>
public static class GrainStateWrites
{
    /// <summary>Writes the state; if the write fails (a stale ETag or storage down), the activation is dropped so the
    /// next call starts from what is stored rather than from effects that were never written.</summary>
    public static async Task WriteOrForgetAsync<T>(this IPersistentState<T> state, Grain grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
