using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Engagement.Customers;
using Engagement.Points;
using Engagement.State;

namespace Engagement.Silo.Storage;

/// <summary>The ledger archive on Azure Table Storage: partition = customer, one row per entry, newest first by key.</summary>
public sealed class AzureTableLedgerArchive : ILedgerArchive
{
    private readonly LazyTable _table;

    /// <summary>Uses the table <see cref="StorageOptions.LedgerTable"/>.</summary>
    public AzureTableLedgerArchive(StorageOptions options)
    {
        _table = new LazyTable(new TableClient(options.ConnectionString, options.LedgerTable));
    }

    /// <inheritdoc />
    public async Task AppendAsync(string customerId, IReadOnlyList<LedgerEntry> entries)
    {
        var table = await _table.ReadyAsync(CancellationToken.None);
        // One partition per customer, so each group of up to 100 entries is one atomic table transaction.
        foreach (var chunk in entries.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(customerId, RowKey(e.Sequence))
            {
                ["EntryId"] = e.EntryId,
                ["EventId"] = e.EventId,
                ["Kind"] = e.Kind.ToString(),
                ["Points"] = e.Points,
                ["BalanceAfter"] = e.BalanceAfter,
                ["At"] = e.At,
            })));
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LedgerEntry>> ReadAsync(string customerId, long before, int limit)
    {
        var table = await _table.ReadyAsync(CancellationToken.None);
        var entries = new List<LedgerEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {customerId} and RowKey gt {RowKey(before)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: limit))
        {
            entries.Add(new LedgerEntry(row.GetString("EntryId"), row.GetString("EventId"), Enum.Parse<LedgerEntryKind>(row.GetString("Kind")),
                row.GetInt64("Points")!.Value, row.GetInt64("BalanceAfter")!.Value, row.GetDateTimeOffset("At")!.Value));
            if (entries.Count == limit)
            {
                break;
            }
        }
        return entries;
    }

    // Rows sort ascending by key: counting down from the largest number puts the newest entry first.
    private static string RowKey(long sequence) => (long.MaxValue - sequence).ToString("D19", CultureInfo.InvariantCulture);
}
