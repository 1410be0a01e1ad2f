using Azure;
using Azure.Data.Tables;
using Engagement.Silo.Storage;

namespace Engagement.EndToEndTests.Storage;

/// <summary>Transactions sent with our body (<see cref="TransactionBody"/>) against a real Azurite: what the SDK reads
/// back is what was written, keys and values of every kind, and a lost precondition names its action.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TransactionBodyTests(AzuriteFixture azurite)
{
    private const string Partition = "customer_00";

    // Keys as the engine's escaping leaves them: quotes, spaces, percent and plus signs, non-ASCII, its own '~'.
    private static readonly string[] Rows = ["a'b", "two words", "100%", "x+y", "客户C0042", "c~2Fd"];

    private readonly string _tableName = AzuriteFixture.NewTableName();
    private readonly List<bool> _ours = [];

    [Fact]
    public async Task Adds_then_replaces_store_every_key_and_value_as_written()
    {
        var table = await NewTableAsync();
        var added = await SubmitAsync(table, Rows.Select((row, i) =>
            new TableTransactionAction(TableTransactionActionType.Add, Entity(row, i, "added"))).ToList());
        var replaced = await SubmitAsync(table, Rows.Select((row, i) =>
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, Entity(row, i, "replaced 'é'"), added[i])).ToList());

        Assert.Equal([true, true], _ours);
        for (var i = 0; i < Rows.Length; i++)
        {
            var stored = (await table.GetEntityAsync<TableEntity>(Partition, Rows[i])).Value;
            var expected = Entity(Rows[i], i, "replaced 'é'");
            Assert.Equal(replaced[i], stored.ETag);
            Assert.Equal(expected.GetString("Text"), stored.GetString("Text"));
            Assert.Equal(expected.GetInt32("Count"), stored.GetInt32("Count"));
            Assert.Equal(expected.GetInt64("Total"), stored.GetInt64("Total"));
            Assert.Equal(expected.GetBoolean("Flag"), stored.GetBoolean("Flag"));
            Assert.Equal(expected.GetDouble("Ratio"), stored.GetDouble("Ratio"));
            Assert.Equal(expected.GetBinary("Data0"), stored.GetBinary("Data0"));
            Assert.Equal(expected.GetDateTimeOffset("At"), stored.GetDateTimeOffset("At"));
            Assert.Equal(expected.GetGuid("Id"), stored.GetGuid("Id"));
            Assert.Equal(expected.GetString("Long"), stored.GetString("Long"));
        }
    }

    [Fact]
    public async Task A_stale_etag_fails_the_whole_transaction_naming_its_action_with_412()
    {
        var table = await NewTableAsync();
        var added = await SubmitAsync(table, Rows.Take(3).Select((row, i) =>
            new TableTransactionAction(TableTransactionActionType.Add, Entity(row, i, "added"))).ToList());
        await table.UpdateEntityAsync(Entity(Rows[1], 1, "theirs"), added[1], TableUpdateMode.Replace);

        var failed = await Assert.ThrowsAsync<TableTransactionFailedException>(() => SubmitAsync(table, Rows.Take(3).Select((row, i) =>
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, Entity(row, i, "ours"), added[i])).ToList()));

        Assert.Equal([true, true], _ours);
        Assert.Equal(1, failed.FailedTransactionActionIndex);
        Assert.Equal(412, failed.Status);
        var stored = new List<string?>();
        foreach (var row in Rows.Take(3))
        {
            stored.Add((await table.GetEntityAsync<TableEntity>(Partition, row)).Value.GetString("Text"));
        }
        Assert.Equal(["added \"a'b\"", "theirs \"two words\"", "added \"100%\""], stored);
    }

    private static TableEntity Entity(string row, int i, string text) => new(Partition, row)
    {
        ["Text"] = $"{text} \"{row}\"",
        ["Count"] = i,
        ["Total"] = 5_000_000_000L + i,
        ["Flag"] = i % 2 == 0,
        ["Ratio"] = 0.25 + i,
        ["Data0"] = Enumerable.Range(0, 300 + i).Select(b => (byte)(b * 7 + i)).ToArray(),
        ["At"] = new DateTimeOffset(2026, 12, 6, 8, 30, 15, TimeSpan.FromHours(8)).AddTicks(1234567 + i),
        ["Id"] = new Guid(i, 2, 3, [4, 5, 6, 7, 8, 9, 10, 11]),
        // Escaped in JSON, far longer than the body's size hint allows for: the pooled body grows mid-entity.
        ["Long"] = new string('é', 20_000 + i),
    };

    // Notes, for each transaction, whether it went with our body: a fallback to the SDK's would still store it.
    private async Task<IReadOnlyList<ETag>> SubmitAsync(TableClient table, List<TableTransactionAction> actions)
    {
        using var transaction = TransactionBodyPolicy.For(table, actions);
        try
        {
            var responses = (await table.SubmitTransactionAsync(actions)).Value;
            return responses.Select(r => r.Headers.ETag!.Value).ToList();
        }
        finally
        {
            _ours.Add(transaction.Written);
        }
    }

    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableClient(azurite.ConnectionString, _tableName, TransactionBodyPolicy.ClientOptions());
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
