using System.Globalization;

namespace Engagement.Verification;

/// <summary>SPEC §1 records as JSON text.</summary>
public static class Json
{
    public static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static string Registered(string eventId, string customerId, DateTimeOffset at, string advisorId) =>
        $$"""{"eventId":"{{eventId}}","type":"customer.registered","customerId":"{{customerId}}","occurredAt":"{{Stamp(at)}}","name":"Test Customer","advisorId":"{{advisorId}}","branchId":"B1"}""";

    public static string Opened(string eventId, string customerId, DateTimeOffset at, string accountId, string accountType, decimal balance,
        DateOnly? maturityDate = null) =>
        $$"""{"eventId":"{{eventId}}","type":"account.opened","customerId":"{{customerId}}","occurredAt":"{{Stamp(at)}}","accountId":"{{accountId}}","accountType":"{{accountType}}","balance":{{balance.ToString(CultureInfo.InvariantCulture)}}{{(maturityDate is { } m ? $",\"maturityDate\":\"{m:yyyy-MM-dd}\"" : "")}}}""";

    public static string Closed(string eventId, string customerId, DateTimeOffset at, string accountId) =>
        $$"""{"eventId":"{{eventId}}","type":"account.closed","customerId":"{{customerId}}","occurredAt":"{{Stamp(at)}}","accountId":"{{accountId}}"}""";

    public static string ExternalTransfer(string eventId, string customerId, DateTimeOffset at, string accountId, decimal amount, decimal balanceAfter) =>
        $$"""{"eventId":"{{eventId}}","type":"transaction.posted","customerId":"{{customerId}}","occurredAt":"{{Stamp(at)}}","accountId":"{{accountId}}","direction":"debit","kind":"transfer_out","amount":{{amount.ToString(CultureInfo.InvariantCulture)}},"currency":"CNY","balanceAfter":{{balanceAfter.ToString(CultureInfo.InvariantCulture)}},"counterparty":{{ExternalPayee}}}""";

    public static string Matured(string eventId, string customerId, DateTimeOffset at, string accountId, decimal amount) =>
        $$"""{"eventId":"{{eventId}}","type":"deposit.matured","customerId":"{{customerId}}","occurredAt":"{{Stamp(at)}}","accountId":"{{accountId}}","amount":{{amount.ToString(CultureInfo.InvariantCulture)}}}""";

    private const string ExternalPayee = """{"name":"Payee","bankId":"OTHERBANK","external":true}""";

    public static string Posted(string eventId, string customerId, DateTimeOffset at, string accountId, string direction, string kind,
        decimal amount, decimal? balanceAfter) =>
        $$"""{"eventId":"{{eventId}}","type":"transaction.posted","customerId":"{{customerId}}","occurredAt":"{{Stamp(at)}}","accountId":"{{accountId}}","direction":"{{direction}}","kind":"{{kind}}","amount":{{amount.ToString(CultureInfo.InvariantCulture)}},"currency":"CNY"{{(balanceAfter is { } b ? $",\"balanceAfter\":{b.ToString(CultureInfo.InvariantCulture)}" : "")}}}""";

    public static string Reversed(string eventId, string customerId, DateTimeOffset at, string originalEventId, string accountId, decimal balanceAfter) =>
        $$"""{"eventId":"{{eventId}}","type":"transaction.reversed","customerId":"{{customerId}}","occurredAt":"{{Stamp(at)}}","originalEventId":"{{originalEventId}}","accountId":"{{accountId}}","balanceAfter":{{balanceAfter.ToString(CultureInfo.InvariantCulture)}}}""";

    public static string Purchased(string eventId, string customerId, DateTimeOffset at, string productId, decimal units, decimal price) =>
        $$"""{"eventId":"{{eventId}}","type":"investment.purchased","customerId":"{{customerId}}","occurredAt":"{{Stamp(at)}}","productId":"{{productId}}","productType":"fund","units":{{units.ToString(CultureInfo.InvariantCulture)}},"price":{{price.ToString(CultureInfo.InvariantCulture)}},"amount":{{(units * price).ToString(CultureInfo.InvariantCulture)}}}""";

    public static string Nav(string eventId, string productId, DateTimeOffset asOf, decimal nav) =>
        $$"""{"eventId":"{{eventId}}","type":"product.nav_updated","productId":"{{productId}}","nav":{{nav.ToString(CultureInfo.InvariantCulture)}},"asOf":"{{Stamp(asOf)}}","occurredAt":"{{Stamp(asOf)}}"}""";
}
