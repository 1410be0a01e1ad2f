using System.Collections.Concurrent;
using Engagement.Points;
using Engagement.State;

namespace Engagement.Silo.Storage;

/// <summary>The ledger archive in process memory, beside in-memory grain state: lost on restart like it.</summary>
public sealed class MemoryLedgerArchive : ILedgerArchive
{
    private readonly ConcurrentDictionary<string, SortedList<long, LedgerEntry>> _ledgers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task AppendAsync(string customerId, IReadOnlyList<LedgerEntry> entries)
    {
        var ledger = _ledgers.GetOrAdd(customerId, _ => []);
        lock (ledger)
        {
            foreach (var entry in entries)
            {
                ledger[entry.Sequence] = entry;
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerEntry>> ReadAsync(string customerId, long before, int limit)
    {
        if (!_ledgers.TryGetValue(customerId, out var ledger))
        {
            return Task.FromResult<IReadOnlyList<LedgerEntry>>([]);
        }
        lock (ledger)
        {
            return Task.FromResult<IReadOnlyList<LedgerEntry>>(
                ledger.Values.Where(e => e.Sequence < before).Reverse().Take(limit).ToList());
        }
    }
}
