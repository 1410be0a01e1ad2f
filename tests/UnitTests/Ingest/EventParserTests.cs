using System.Text;
using Engagement.Events;
using Engagement.Ingest;

namespace Engagement.UnitTests.Ingest;

public sealed class EventParserTests
{
    private readonly EventParser _parser = new("CNY");

    private ParsedRecord Parse(string? key, string json) => _parser.Parse(key, Encoding.UTF8.GetBytes(json));

    private const string Posted = """
        {"eventId":"e-1","type":"transaction.posted","customerId":"C1001","occurredAt":"2026-11-20T10:15:00+08:00",
         "accountId":"S-1","direction":"debit","kind":"transfer_out","amount":"450000.00","currency":"CNY","balanceAfter":50000.00,
         "counterparty":{"name":"X","bankId":"B9","external":true},"extra":"ignored"}
        """;

    [Fact]
    public void A_valid_transaction_is_typed_exactly()
    {
        var e = Assert.IsType<TransactionPosted>(Parse("C1001", Posted).Customer);
        Assert.Equal(("e-1", "C1001", new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.FromHours(8))), (e.EventId, e.CustomerId, e.OccurredAt));
        Assert.Equal((Direction.Debit, TransactionKind.TransferOut, 450_000.00m, 50_000.00m), (e.Direction, e.Kind, e.Amount, e.BalanceAfter));
        Assert.Equal(new Counterparty("X", "B9", true), e.Counterparty);
    }

    [Fact]
    public void A_nav_update_is_keyed_by_product()
    {
        var nav = Parse("F-1", """{"eventId":"n1","type":"product.nav_updated","productId":"F-1","nav":1.0523,"asOf":"2026-11-20T15:00:00Z","occurredAt":"2026-11-20T15:00:01Z"}""").Nav;
        Assert.Equal(new NavUpdated("n1", "F-1", 1.0523m, new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 20, 15, 0, 1, TimeSpan.Zero)), nav);
    }

    [Fact]
    public void Registration_defaults_joined_at_to_the_date_of_occurred_at()
    {
        var e = Assert.IsType<CustomerRegistered>(Parse("C1", """{"eventId":"r","type":"customer.registered","customerId":"C1","occurredAt":"2026-11-20T23:30:00+08:00","name":"Wang"}""").Customer);
        Assert.Equal(new DateOnly(2026, 11, 20), e.JoinedAt);
        Assert.False(e.DoNotContact);
    }

    [Theory]
    [InlineData("C1001", "{not json", "invalid_json")]
    [InlineData("C1001", "[1,2]", "invalid_json")]
    [InlineData("C1001", """{"type":"customer.updated","customerId":"C1001","occurredAt":"2026-11-20T10:15:00Z"}""", "missing_field:eventId")]
    [InlineData("C1001", """{"eventId":"e","type":"customer.exploded","customerId":"C1001","occurredAt":"2026-11-20T10:15:00Z"}""", "unknown_type")]
    [InlineData("C1001", """{"eventId":"e","type":"customer.updated","customerId":"C 1001","occurredAt":"2026-11-20T10:15:00Z"}""", "invalid_field:customerId")]
    [InlineData("C1001", """{"eventId":"e","type":"customer.updated","customerId":"C1001","occurredAt":"2026-11-20 10:15"}""", "invalid_field:occurredAt")]
    [InlineData("C1001", """{"eventId":"e","type":"customer.updated","customerId":"C1001","occurredAt":"2026-11-20T10:15:00"}""", "invalid_field:occurredAt")]
    [InlineData("C1001", """{"eventId":"e","type":"account.closed","customerId":"C1001","occurredAt":"2026-11-20T10:15:00Z"}""", "missing_field:accountId")]
    [InlineData("C1001", """{"eventId":"e","type":"account.opened","customerId":"C1001","occurredAt":"2026-11-20T10:15:00Z","accountId":"TD-1","accountType":"term_deposit"}""", "missing_field:maturityDate")]
    [InlineData("C1001", """{"eventId":"e","type":"account.opened","customerId":"C1001","occurredAt":"2026-11-20T10:15:00Z","accountId":"X","accountType":"piggy_bank"}""", "invalid_field:accountType")]
    [InlineData("C1001", """{"eventId":"e","type":"deposit.matured","customerId":"C1001","occurredAt":"2026-11-20T10:15:00Z","accountId":"TD-1","amount":0}""", "non_positive:amount")]
    [InlineData("C1001", """{"eventId":"e","type":"payment.due","customerId":"C1001","occurredAt":"2026-11-20T10:15:00Z","accountId":"L-1","dueDate":"2026-13-01","amount":10}""", "invalid_field:dueDate")]
    [InlineData("C1001", """{"eventId":"e","type":"transaction.posted","customerId":"C1001","occurredAt":"2026-11-20T10:15:00Z","accountId":"S-1","direction":"debit","kind":"fee","amount":-5,"currency":"CNY"}""", "non_positive:amount")]
    [InlineData("C1001", """{"eventId":"e","type":"transaction.posted","customerId":"C1001","occurredAt":"2026-11-20T10:15:00Z","accountId":"S-1","direction":"debit","kind":"fee","amount":5,"currency":"USD"}""", "unsupported_currency")]
    [InlineData("C9999", """{"eventId":"e","type":"customer.updated","customerId":"C1001","occurredAt":"2026-11-20T10:15:00Z"}""", "key_mismatch")]
    [InlineData(null, """{"eventId":"e","type":"customer.updated","customerId":"C1001","occurredAt":"2026-11-20T10:15:00Z"}""", "key_mismatch")]
    [InlineData("F-2", """{"eventId":"n","type":"product.nav_updated","productId":"F-1","nav":1.05,"asOf":"2026-11-20T15:00:00Z","occurredAt":"2026-11-20T15:00:00Z"}""", "key_mismatch")]
    public void Bad_input_gets_its_reason_code(string? key, string json, string reason) =>
        Assert.Equal(ParsedRecord.Bad(reason), Parse(key, json));

    [Fact]
    public void An_event_id_longer_than_128_characters_is_invalid() =>
        Assert.Equal("invalid_field:eventId", Parse("C1", $$"""{"eventId":"{{new string('x', 129)}}","type":"customer.updated","customerId":"C1","occurredAt":"2026-11-20T10:15:00Z"}""").Error);
}
