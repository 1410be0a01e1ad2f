using System.Text;
using Engagement.Events;
using Engagement.Ingest;

namespace Engagement.UnitTests.Ingest;

/// <summary>Each reason code for hostile bytes, at its boundary: the last accepted value and the first rejected.</summary>
public sealed class HostileInputTests
{
    private readonly EventParser _parser = new("CNY");

    private const string Envelope = "\"eventId\":\"e\",\"customerId\":\"C1\",\"occurredAt\":\"2026-11-20T10:15:00Z\"";

    private ParsedRecord Parse(string json) => _parser.Parse("C1", Encoding.UTF8.GetBytes(json));

    private static string Closed(string accountId) => $$"""{{{Envelope}},"type":"account.closed","accountId":"{{accountId}}"}""";

    private static string Registered(string name) => $$"""{{{Envelope}},"type":"customer.registered","name":"{{name}}"}""";

    private static string Posted(string fields) =>
        $$"""{{{Envelope}},"type":"transaction.posted","accountId":"S-1","direction":"credit","kind":"salary","currency":"CNY",{{fields}}}""";

    private static string Purchased(string units, string price) =>
        $$"""{{{Envelope}},"type":"investment.purchased","productId":"F-1","productType":"fund","units":{{units}},"price":{{price}},"amount":100}""";

    private static string At(string occurredAt) =>
        $$"""{"eventId":"e","type":"customer.updated","customerId":"C1","occurredAt":"{{occurredAt}}"}""";

    private static string Opened(string maturityDate) =>
        $$"""{{{Envelope}},"type":"account.opened","accountId":"TD-1","accountType":"term_deposit","maturityDate":"{{maturityDate}}"}""";

    private static string Overdue(string days) =>
        $$"""{{{Envelope}},"type":"payment.overdue","accountId":"L-1","daysOverdue":{{days}},"amount":10}""";

    private static string Nested(int depth) =>
        $$"""{{{Envelope}},"type":"customer.updated","extra":{{new string('[', depth - 1)}}{{new string(']', depth - 1)}}}""";

    private static string? Error(ParsedRecord parsed) => parsed.Error;

    [Fact]
    public void Invalid_utf8_inside_a_string_is_invalid_encoding()
    {
        var json = Encoding.UTF8.GetBytes(Closed("CC-@@"));
        var at = Array.IndexOf(json, (byte)'@');
        (json[at], json[at + 1]) = (0xff, 0xfe);
        Assert.Equal("invalid_encoding", _parser.Parse("C1", json).Error);
    }

    [Fact]
    public void Invalid_utf8_as_the_type_value_is_invalid_encoding()
    {
        byte[] json = [.. Encoding.UTF8.GetBytes($$"""{{{Envelope}},"type":"""), (byte)'"', 0xc3, 0x28, (byte)'"', (byte)'}'];
        Assert.Equal("invalid_encoding", _parser.Parse("C1", json).Error);
    }

    [Fact]
    public void A_key_that_is_not_utf8_is_invalid_encoding_and_a_utf8_key_is_read()
    {
        var json = Encoding.UTF8.GetBytes(Closed("CC-1"));
        Assert.Equal("invalid_encoding", _parser.Parse([(byte)'C', 0xff], json).Error);
        Assert.IsType<AccountClosed>(_parser.Parse("C1"u8.ToArray(), json).Customer);
        Assert.Equal("key_mismatch", _parser.Parse((byte[]?)null, json).Error);
    }

    [Theory]
    [InlineData(@"CC-\ud800")]
    [InlineData(@"CC-\udc00")]
    [InlineData(@"\ud800\ud800")]
    public void A_lone_surrogate_escape_in_an_id_is_invalid_encoding(string accountId) =>
        Assert.Equal("invalid_encoding", Error(Parse(Closed(accountId))));

    [Fact]
    public void A_lone_surrogate_in_a_name_an_ignored_field_or_a_property_name_is_invalid_encoding()
    {
        Assert.Equal("invalid_encoding", Error(Parse(Registered(@"Li \ud800 Wei"))));
        Assert.Equal("invalid_encoding", Error(Parse(Registered("Li") [..^1] + @",""note"":""\udfff""}")));
        Assert.Equal("invalid_encoding", Error(Parse(Registered("Li") [..^1] + @",""\ud800"":1}")));
    }

    [Fact]
    public void A_surrogate_pair_in_a_name_is_kept() =>
        Assert.Equal("Li 😀", Assert.IsType<CustomerRegistered>(Parse(Registered(@"Li \ud83d\ude00")).Customer).Name);

    [Theory]
    [InlineData(@"Li\u0000", "invalid_field:name")]
    [InlineData(@"Li\u001f", "invalid_field:name")]
    [InlineData(@"Li\n", "invalid_field:name")]
    [InlineData(@"Li\u007f", "invalid_field:name")]
    [InlineData(@"Li\u009f", "invalid_field:name")]
    [InlineData("Li\u0001", "invalid_json")]
    public void Control_characters_in_a_string_are_rejected(string name, string reason) =>
        Assert.Equal(reason, Error(Parse(Registered(name))));

    [Fact]
    public void The_first_character_past_the_control_ranges_is_accepted() =>
        Assert.Equal("Li\u00a0Wei", Assert.IsType<CustomerRegistered>(Parse(Registered(@"Li\u00a0Wei")).Customer).Name);

    [Fact]
    public void A_control_character_in_an_event_id_is_rejected() =>
        Assert.Equal("invalid_field:eventId", Error(Parse(Closed("CC-1").Replace("\"eventId\":\"e\"", "\"eventId\":\"e\\u0000\"", StringComparison.Ordinal))));

    [Fact]
    public void Sixteen_levels_of_nesting_are_read_and_seventeen_are_too_deep()
    {
        Assert.IsType<CustomerUpdated>(Parse(Nested(JsonTextCheck.MaxDepth)).Customer);
        Assert.Equal("too_deep", Error(Parse(Nested(JsonTextCheck.MaxDepth + 1))));
        Assert.Equal("too_deep", Error(Parse(Nested(100_000))));
    }

    [Theory]
    [InlineData("\"amount\":5,\"balanceAfter\":1,\"amount\":5", "duplicate_field:amount")]
    [InlineData("\"amount\":5,\"balanceAfter\":1,\"counterparty\":{\"name\":\"X\",\"name\":\"Y\"}", "duplicate_field:name")]
    [InlineData("\"amount\":5,\"balanceAfter\":1,\"x y\":1,\"x y\":2", "duplicate_field")]
    [InlineData("\"amount\":5,\"balanceAfter\":1,\"extra\":[{\"a\":1},{\"a\":1}]", null)]
    public void A_repeated_property_is_rejected_wherever_it_is(string fields, string? reason) =>
        Assert.Equal(reason, Error(Parse(Posted(fields))));

    [Fact]
    public void A_repeated_envelope_field_is_rejected() =>
        Assert.Equal("duplicate_field:customerId", Error(Parse(Closed("CC-1")[..^1] + ",\"customerId\":\"C2\"}")));

    [Theory]
    [InlineData("1899-12-31T23:59:59Z", "out_of_range:occurredAt")]
    [InlineData("1900-01-01T00:00:00Z", null)]
    [InlineData("1900-01-01T00:00:00+00:01", "out_of_range:occurredAt")]
    [InlineData("2199-12-31T23:59:59Z", null)]
    [InlineData("2199-12-31T23:59:59-00:01", "out_of_range:occurredAt")]
    [InlineData("2200-01-01T00:00:00Z", "out_of_range:occurredAt")]
    [InlineData("9999-12-31T23:59:59+14:00", "out_of_range:occurredAt")]
    [InlineData("0001-01-01T00:00:00+14:00", "out_of_range:occurredAt")]
    [InlineData("0000-01-01T00:00:00Z", "out_of_range:occurredAt")]
    [InlineData("2026-02-30T00:00:00Z", "invalid_field:occurredAt")]
    public void Timestamps_lie_in_the_years_1900_to_2199_in_utc(string occurredAt, string? reason) =>
        Assert.Equal(reason, Error(Parse(At(occurredAt))));

    [Theory]
    [InlineData("2199-12-31", null)]
    [InlineData("2200-01-01", "out_of_range:maturityDate")]
    [InlineData("1900-01-01", null)]
    [InlineData("1899-12-31", "out_of_range:maturityDate")]
    [InlineData("9999-12-31", "out_of_range:maturityDate")]
    [InlineData("0000-01-01", "out_of_range:maturityDate")]
    [InlineData("2026-02-29", "invalid_field:maturityDate")]
    public void Dates_lie_in_the_years_1900_to_2199(string maturityDate, string? reason) =>
        Assert.Equal(reason, Error(Parse(Opened(maturityDate))));

    [Theory]
    [InlineData("birthDate", "1899-12-31")]
    [InlineData("joinedAt", "2200-01-01")]
    public void Registration_dates_are_bounded_too(string field, string date) =>
        Assert.Equal($"out_of_range:{field}", Error(Parse(Registered("Li")[..^1] + $",\"{field}\":\"{date}\"}}")));

    [Fact]
    public void Due_dates_and_nav_dates_are_bounded_too()
    {
        Assert.Equal("out_of_range:dueDate", Error(Parse($$"""{{{Envelope}},"type":"payment.due","accountId":"L-1","dueDate":"9999-12-31","amount":10}""")));
        Assert.Equal("out_of_range:asOf", _parser.Parse("F-1", Encoding.UTF8.GetBytes(
            """{"eventId":"n","type":"product.nav_updated","productId":"F-1","nav":1,"asOf":"9999-12-31T23:59:59+14:00","occurredAt":"2026-11-20T15:00:00Z"}""")).Error);
    }

    [Theory]
    [InlineData("1000000000000", null)]
    [InlineData("1000000000000.0001", "out_of_range:amount")]
    [InlineData("\"1000000000000.00\"", null)]
    [InlineData("0.0001", null)]
    [InlineData("0.00001", "out_of_range:amount")]
    [InlineData("1e29", "out_of_range:amount")]
    [InlineData("1e400", "out_of_range:amount")]
    [InlineData("-1e400", "out_of_range:amount")]
    [InlineData("\"99999999999999999999999999999999\"", "out_of_range:amount")]
    [InlineData("1e-40", "non_positive:amount")]
    [InlineData("\"1e5\"", "invalid_field:amount")]
    public void Money_is_at_most_a_trillion_with_four_decimals(string amount, string? reason) =>
        Assert.Equal(reason, Error(Parse(Posted($"\"amount\":{amount},\"balanceAfter\":1"))));

    [Theory]
    [InlineData("-1000000000000", null)]
    [InlineData("-1000000000000.01", "out_of_range:balanceAfter")]
    public void Balances_are_bounded_on_both_sides(string balanceAfter, string? reason) =>
        Assert.Equal(reason, Error(Parse(Posted($"\"amount\":1,\"balanceAfter\":{balanceAfter}"))));

    [Theory]
    [InlineData("10000000000", "10000000", null)]
    [InlineData("10000000000.00000001", "1", "out_of_range:units")]
    [InlineData("0.00000001", "1", null)]
    [InlineData("0.000000001", "1", "out_of_range:units")]
    [InlineData("1", "10000000.00000001", "out_of_range:price")]
    public void Units_and_prices_are_bounded(string units, string price, string? reason) =>
        Assert.Equal(reason, Error(Parse(Purchased(units, price))));

    [Fact]
    public void A_nav_above_ten_million_is_out_of_range() =>
        Assert.Equal("out_of_range:nav", _parser.Parse("F-1", Encoding.UTF8.GetBytes(
            """{"eventId":"n","type":"product.nav_updated","productId":"F-1","nav":10000000.01,"asOf":"2026-11-20T15:00:00Z","occurredAt":"2026-11-20T15:00:00Z"}""")).Error);

    [Theory]
    [InlineData("36500", null)]
    [InlineData("36501", "out_of_range:daysOverdue")]
    [InlineData("0", null)]
    [InlineData("-1", "out_of_range:daysOverdue")]
    [InlineData("1e20", "out_of_range:daysOverdue")]
    [InlineData("1.5", "invalid_field:daysOverdue")]
    [InlineData("\"5\"", "invalid_field:daysOverdue")]
    public void Days_overdue_are_a_whole_number_up_to_a_hundred_years(string days, string? reason) =>
        Assert.Equal(reason, Error(Parse(Overdue(days))));

    [Theory]
    [InlineData("customer.registered.v2")]
    [InlineData("v2.customer.registered")]
    [InlineData("Customer.Registered")]
    public void A_type_of_another_version_is_unknown(string type) =>
        Assert.Equal("unknown_type", Error(Parse($$"""{{{Envelope}},"type":"{{type}}","name":"Li"}""")));

    [Fact]
    public void Extra_fields_of_any_shape_are_ignored()
    {
        var json = Registered("Li")[..^1] + ""","version":2,"meta":{"source":"core","tags":["a",{"b":null}]},"amount":"not read"}""";
        Assert.Equal("Li", Assert.IsType<CustomerRegistered>(Parse(json).Customer).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("{}{}")]
    [InlineData("\uFEFF{}")]
    public void Text_that_is_not_one_json_value_is_invalid_json(string json) =>
        Assert.Equal("invalid_json", Error(Parse(json)));
}
