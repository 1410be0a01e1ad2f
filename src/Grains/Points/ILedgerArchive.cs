using Engagement.State;

namespace Engagement.Points;

/// <summary>Where a customer's older ledger entries live, one row each, so the state stays small and no entry is lost.</summary>
public interface ILedgerArchive
{
    /// <summary>Stores the entries; storing one again changes nothing.</summary>
    Task AppendAsync(string customerId, IReadOnlyList<LedgerEntry> entries);

    /// <summary>Up to <paramref name="limit"/> entries older than entry number <paramref name="before"/>, newest first.</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadAsync(string customerId, long before, int limit);
}
