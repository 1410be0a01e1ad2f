using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace Engagement.Silo.Storage;

/// <summary>Sends an entity group transaction with the body <see cref="TransactionBody"/> writes instead of the SDK's
/// text one; the SDK still signs the request, retries it and reads the answer.</summary>
/// <remarks>It acts only on a batch request made inside <see cref="For"/>; any other request, or a transaction it does
/// not write, goes as the SDK made it.</remarks>
internal sealed class TransactionBodyPolicy : HttpPipelineSynchronousPolicy
{
    private const string Property = "Engagement.TableTransaction";
    private const string BoundaryPrefix = "boundary=";

    /// <summary>Options for a client whose transactions go with our body.</summary>
    public static TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions();
        options.AddPolicy(new TransactionBodyPolicy(), HttpPipelinePosition.PerCall);
        return options;
    }

    /// <summary>Marks the requests made until disposed as carrying <paramref name="actions"/> on <paramref name="table"/>;
    /// disposing returns the body's buffer, so dispose only once the transaction is answered.</summary>
    public static PendingTransaction For(TableClient table, IReadOnlyList<TableTransactionAction> actions)
    {
        var transaction = new PendingTransaction(table.Name, actions);
        transaction.Scope = HttpPipeline.CreateHttpMessagePropertiesScope(new Dictionary<string, object?> { [Property] = transaction });
        return transaction;
    }

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        if (!message.TryGetProperty(Property, out var value) || value is not PendingTransaction { Body: null } transaction
            || !request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal)
            || !request.Headers.TryGetValue("Content-Type", out var contentType)
            || contentType.IndexOf(BoundaryPrefix, StringComparison.Ordinal) is var at && at < 0
            || !request.Headers.TryGetValue("x-ms-version", out var version)
            || !TransactionBody.Writes(transaction.Actions))
        {
            return;
        }
        var body = new PooledBufferWriter(TransactionBody.SizeHint(transaction.Actions));
        transaction.Body = body;
        TransactionBody.Write(body, request.Uri.ToUri(), contentType[(at + BoundaryPrefix.Length)..], version, transaction.Table,
            transaction.Actions);
        request.Content = RequestContent.Create(body.WrittenMemory);
    }

    /// <summary>What the policy writes a body from, and the body, held until the transaction is answered.</summary>
    internal sealed class PendingTransaction(string table, IReadOnlyList<TableTransactionAction> actions) : IDisposable
    {
        /// <summary>The table's name.</summary>
        public string Table => table;

        /// <summary>The transaction's actions, in order.</summary>
        public IReadOnlyList<TableTransactionAction> Actions => actions;

        /// <summary>Whether the transaction went with our body rather than the SDK's.</summary>
        public bool Written => Body is not null;

        /// <summary>The scope that puts this transaction on the requests made within it.</summary>
        public IDisposable? Scope { get; set; }

        /// <summary>Our body, once the policy wrote it.</summary>
        public PooledBufferWriter? Body { get; set; }

        /// <inheritdoc />
        public void Dispose()
        {
            Scope?.Dispose();
            Body?.Dispose();
        }
    }
}
