using Azure.Data.Tables;

namespace Engagement.Silo.Storage;

/// <summary>A table created on first use; a failed attempt is not kept, so the next use tries again (Azurite may
/// still have been starting).</summary>
internal sealed class LazyTable(TableClient client)
{
    private readonly Lock _gate = new();
    private Task? _created;

    /// <summary>The table's client, for calls that need no creation first.</summary>
    public TableClient Client => client;

    /// <summary>The client once the table exists.</summary>
    public async Task<TableClient> ReadyAsync(CancellationToken cancellation)
    {
        Task created;
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = client.CreateIfNotExistsAsync(CancellationToken.None);
            }
            created = _created;
        }
        await created.WaitAsync(cancellation);
        return client;
    }
}
