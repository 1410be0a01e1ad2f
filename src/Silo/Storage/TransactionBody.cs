using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace Engagement.Silo.Storage;

/// <summary>The body of an entity group transaction (OData batch: one changeset, one HTTP request per action), written
/// as UTF-8 bytes in one pass into a buffer the caller owns.</summary>
/// <remarks>Azure.Data.Tables writes the same body as text, each action's request line, headers and JSON through a
/// <c>StringBuilder</c>, once to compute the length and again to send it: a third of the bytes a durable engine
/// allocated (docs/notes/performance-history.md). The requests are the SDK's to the header; only adds and replaces are
/// written, the two actions <see cref="PartitionWriteBatcher"/> sends.</remarks>
internal static class TransactionBody
{
    private const string Format = "?$format=application%2Fjson%3Bodata%3Dminimalmetadata";

    /// <summary>Whether <see cref="Write"/> writes <paramref name="actions"/>: adds and replaces of entities whose values
    /// are of the types the table service stores.</summary>
    public static bool Writes(IReadOnlyList<TableTransactionAction> actions) =>
        actions.All(a => a.ActionType is TableTransactionActionType.Add or TableTransactionActionType.UpdateReplace
            && a.Entity is TableEntity entity && entity.All(p => p.Value is null || IsWritten(p.Value)));

    /// <summary>About the size of the body of <paramref name="actions"/>: the binary values in base64, and room for the
    /// rest.</summary>
    public static int SizeHint(IReadOnlyList<TableTransactionAction> actions) =>
        1024 + actions.Sum(a => 1024 + ((TableEntity)a.Entity).Sum(p => p.Value is byte[] bytes ? bytes.Length * 4 / 3 + 64 : 64));

    /// <summary>Writes the body for <paramref name="actions"/> (see <see cref="Writes"/>) on <paramref name="table"/>, the
    /// batch request being <paramref name="batch"/> with <paramref name="boundary"/> in its content type.</summary>
    public static void Write(IBufferWriter<byte> body, Uri batch, string boundary, string version, string table,
        IReadOnlyList<TableTransactionAction> actions)
    {
        var tableUri = batch.GetLeftPart(UriPartial.Path)[..^"$batch".Length] + table;
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        using var json = new Utf8JsonWriter(body);
        Text(body, "--", boundary, "\r\nContent-Type: multipart/mixed; boundary=", changeset, "\r\n\r\n");
        foreach (var action in actions)
        {
            var entity = (TableEntity)action.Entity;
            Text(body, "--", changeset, "\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            if (action.ActionType == TableTransactionActionType.Add)
            {
                Text(body, "POST ", tableUri, Format, " HTTP/1.1\r\nHost: ", batch.Host, "\r\nx-ms-version: ", version,
                    "\r\nDataServiceVersion: 3.0\r\nPrefer: return-no-content\r\nAccept: application/json;odata=minimalmetadata\r\n" +
                    "Content-Type: application/json;odata=nometadata\r\n\r\n");
            }
            else
            {
                Text(body, "PUT ", tableUri, "(PartitionKey='", Key(entity.PartitionKey), "',RowKey='", Key(entity.RowKey), "')");
                Text(body, Format, " HTTP/1.1\r\nHost: ", batch.Host, "\r\nx-ms-version: ", version, "\r\nDataServiceVersion: 3.0\r\nIf-Match: ");
                Text(body, action.ETag.ToString(), "\r\nAccept: application/json\r\nContent-Type: application/json\r\n\r\n");
            }
            Entity(json, entity);
            Text(body, "\r\n");
        }
        Text(body, "--", changeset, "--\r\n\r\n--", boundary, "--\r\n");
    }

    // An OData key literal doubles its quotes; the path then escapes what a URI may not hold.
    private static string Key(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private static bool IsWritten(object value) => value is string or int or long or bool or double or byte[] or DateTimeOffset or Guid;

    private static void Entity(Utf8JsonWriter json, TableEntity entity)
    {
        json.Reset();
        json.WriteStartObject();
        foreach (var (name, value) in entity)
        {
            // The ETag goes in If-Match and the timestamp is the service's, as the SDK leaves them out.
            if (name is "odata.etag" or "Timestamp")
            {
                continue;
            }
            switch (value)
            {
                case null:
                    break;
                case string text:
                    json.WriteString(name, text);
                    break;
                case int number:
                    json.WriteNumber(name, number);
                    break;
                case long number:
                    Typed(json, name, number.ToString(CultureInfo.InvariantCulture), "Edm.Int64");
                    break;
                case bool flag:
                    json.WriteBoolean(name, flag);
                    break;
                case double number:
                    json.WriteNumber(name, number);
                    break;
                case byte[] bytes:
                    json.WriteBase64String(name, bytes);
                    json.WriteString(name + "@odata.type", "Edm.Binary");
                    break;
                case DateTimeOffset at:
                    Typed(json, name, at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture), "Edm.DateTime");
                    break;
                case Guid id:
                    Typed(json, name, id.ToString("D"), "Edm.Guid");
                    break;
                default:
                    // Writes() lets only the types above through: a type added there and not here fails loudly.
                    throw new InvalidOperationException($"A transaction body cannot hold a {value.GetType().Name} value.");
            }
        }
        json.WriteEndObject();
        json.Flush();
    }

    private static void Typed(Utf8JsonWriter json, string name, string value, string type)
    {
        json.WriteString(name, value);
        json.WriteString(name + "@odata.type", type);
    }

    private static void Text(IBufferWriter<byte> body, params ReadOnlySpan<string> pieces)
    {
        foreach (var piece in pieces)
        {
            body.Advance(Encoding.UTF8.GetBytes(piece, body.GetSpan(Encoding.UTF8.GetMaxByteCount(piece.Length))));
        }
    }
}
