using System.Globalization;
using System.Text;

namespace Engagement.Testing;

/// <summary>Seeded hostile records: valid SPEC §1 events of every type, then one mutation each (truncation, byte flips,
/// wrong JSON types, huge and tiny numbers, long strings, invalid UTF-8, lone surrogates, control characters,
/// duplicate properties, deep nesting, dates at the calendar's ends, other type versions, extra fields, a bad key).</summary>
public sealed class PayloadFuzzer(int seed)
{
    /// <summary>Every SPEC §1 type.</summary>
    public static readonly string[] Types =
    [
        "customer.registered", "customer.updated", "customer.advisor_assigned", "customer.consent_changed",
        "account.opened", "account.closed", "deposit.matured", "payment.due", "payment.overdue",
        "investment.purchased", "investment.redeemed", "investment.dividend_paid",
        "transaction.posted", "transaction.reversed", "product.nav_updated",
    ];

    private static readonly string[] Numbers =
    [
        "1e400", "-1e400", "79228162514264337593543950336", "1e29", "1e-40", "0.00001", "-0", "1e13", "10000000000000.5",
        "1000000000000", "1000000000000.0001", "123456789012345678901234567890.5", "2147483648", "-1", "1.5", "0",
    ];

    private static readonly string[] Dates =
    [
        "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00", "0001-01-01T00:00:00+14:00", "1899-12-31T23:59:59Z",
        "1900-01-01T00:00:00Z", "2199-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "2199-12-31T23:00:00-14:00",
        "9999-12-31", "0001-01-01", "1900-01-01", "2199-12-31", "2026-02-30", "2026-13-01T00:00:00Z",
    ];

    private static readonly byte[][] BadUtf8 = [[0xff, 0xfe], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80]];

    private static readonly string[] OddStrings = [@"\ud800", @"\udc00x", @"\u0000", "\\n", @"\u007f", @"\ud83d\ude00", "\\\"", @"\u2028"];

    private static readonly string[] WrongTypes = ["{}", "[]", "true", "null", "\"\"", "\"x\"", "12", "[1,{\"a\":null}]"];

    private readonly Random _random = new(seed);

    /// <summary>One record: its key, value and the mutation that made it.</summary>
    public sealed record Payload(byte[]? Key, byte[] Value, string Mutation);

    /// <summary>A valid record of <paramref name="type"/> for the customer (or, for NAV updates, the product).</summary>
    public static Payload Valid(string type, string eventId, string customerId, string productId, DateTimeOffset at)
    {
        var fields = Fields(type, eventId, customerId, productId, at);
        return new Payload(Encoding.UTF8.GetBytes(KeyOf(type, customerId, productId)), Encoding.UTF8.GetBytes(Write(fields)), "none");
    }

    /// <summary>A mutation of a valid record of a random type.</summary>
    public Payload Next(string eventId, string customerId, string productId, DateTimeOffset at)
    {
        var type = Types[_random.Next(Types.Length)];
        var fields = Fields(type, eventId, customerId, productId, at);
        byte[]? key = Encoding.UTF8.GetBytes(KeyOf(type, customerId, productId));
        var i = _random.Next(fields.Count);
        string mutation;
        byte[] value;
        switch (_random.Next(17))
        {
            case 0:
                value = Encoding.UTF8.GetBytes(Write(fields));
                value = value[.._random.Next(value.Length)];
                mutation = "truncated";
                break;
            case 1:
                value = Encoding.UTF8.GetBytes(Write(fields));
                for (var n = 1 + _random.Next(3); n > 0; n--)
                {
                    value[_random.Next(value.Length)] ^= (byte)(1 << _random.Next(8));
                }
                mutation = "byte flips";
                break;
            case 2:
                fields[i] = (fields[i].Name, Pick(WrongTypes));
                (value, mutation) = (Encoding.UTF8.GetBytes(Write(fields)), $"wrong type of {fields[i].Name}");
                break;
            case 3:
                fields[i] = (fields[i].Name, Pick(Numbers));
                (value, mutation) = (Encoding.UTF8.GetBytes(Write(fields)), $"number in {fields[i].Name}");
                break;
            case 4:
                fields[i] = (fields[i].Name, Quote(new string((char)('a' + _random.Next(26)), Pick([65, 129, 257, 5_000]))));
                (value, mutation) = (Encoding.UTF8.GetBytes(Write(fields)), $"long {fields[i].Name}");
                break;
            case 5:
                (value, mutation) = (InsertIntoString(Encoding.UTF8.GetBytes(Write(fields)), Pick(BadUtf8)), "invalid UTF-8");
                break;
            case 6:
                fields[i] = (fields[i].Name, Splice(fields[i].Json, Pick(OddStrings)));
                (value, mutation) = (Encoding.UTF8.GetBytes(Write(fields)), $"escape in {fields[i].Name}");
                break;
            case 7:
                fields.Add((fields[i].Name, _random.Next(2) == 0 ? fields[i].Json : Pick(WrongTypes)));
                (value, mutation) = (Encoding.UTF8.GetBytes(Write(fields)), $"duplicate {fields[i].Name}");
                break;
            case 8:
                var depth = 10 + _random.Next(20);
                fields.Add(("nested", new string('[', depth) + new string(']', depth)));
                (value, mutation) = (Encoding.UTF8.GetBytes(Write(fields)), $"nested {depth + 1} deep");
                break;
            case 9:
                fields[i] = (fields[i].Name, Quote(Pick(Dates)));
                (value, mutation) = (Encoding.UTF8.GetBytes(Write(fields)), $"date in {fields[i].Name}");
                break;
            case 10:
                fields[1] = ("type", Quote(Pick([$"{type}.v2", $"v2.{type}", type.ToUpperInvariant(), type + " ", ""])));
                (value, mutation) = (Encoding.UTF8.GetBytes(Write(fields)), "type of another version");
                break;
            case 11:
                fields.Add(("extra", """{"version":2,"tags":["a","b"],"note":null}"""));
                (value, mutation) = (Encoding.UTF8.GetBytes(Write(fields)), "extra fields");
                break;
            case 12:
                fields.RemoveAt(i);
                (value, mutation) = (Encoding.UTF8.GetBytes(Write(fields)), "field removed");
                break;
            case 13:
                key = _random.Next(2) == 0 ? null : [.. key, .. Pick(BadUtf8)];
                (value, mutation) = (Encoding.UTF8.GetBytes(Write(fields)), key is null ? "no key" : "invalid UTF-8 key");
                break;
            case 14:
                (value, mutation) = (Encoding.UTF8.GetBytes(Pick(["", " ", "null", "[]", "\"x\"", "{", "}", "{}{}", "\uFEFF{}", "1"])), "not an object");
                break;
            case 15:
                value = Encoding.UTF8.GetBytes(Write(fields));
                value[_random.Next(value.Length)] = (byte)_random.Next(0x20);
                mutation = "raw control byte";
                break;
            default:
                (value, mutation) = (Encoding.UTF8.GetBytes(Write(fields)), "valid");
                break;
        }
        return new Payload(key, value, $"{type}: {mutation}");
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    // Puts text inside a string literal (after its opening quote), or wraps a non-string value in one.
    private string Splice(string json, string text) =>
        json.StartsWith('"') ? json.Insert(1 + _random.Next(json.Length - 1), text) : Quote(text);

    private byte[] InsertIntoString(byte[] value, byte[] bytes)
    {
        var quotes = Enumerable.Range(0, value.Length).Where(p => value[p] == (byte)'"').ToList();
        var at = quotes[_random.Next(quotes.Count)] + 1;
        return [.. value[..at], .. bytes, .. value[at..]];
    }

    private static string KeyOf(string type, string customerId, string productId) => type == "product.nav_updated" ? productId : customerId;

    private static string Quote(string text) => $"\"{text}\"";

    private static string Write(List<(string Name, string Json)> fields) =>
        "{" + string.Join(",", fields.Select(f => $"\"{f.Name}\":{f.Json}")) + "}";

    private static List<(string Name, string Json)> Fields(string type, string eventId, string customerId, string productId, DateTimeOffset at)
    {
        var stamp = Quote(at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        var fields = new List<(string Name, string Json)> { ("eventId", Quote(eventId)), ("type", Quote(type)) };
        if (type != "product.nav_updated")
        {
            fields.Add(("customerId", Quote(customerId)));
        }
        fields.Add(("occurredAt", stamp));
        fields.AddRange(type switch
        {
            "customer.registered" => [("name", "\"Li Wei\""), ("birthDate", "\"1980-02-29\""), ("advisorId", "\"A1\""), ("branchId", "\"B1\""),
                ("joinedAt", "\"2020-01-15\""), ("doNotContact", "false")],
            "customer.updated" => [("name", "\"Li Wei\""), ("birthDate", "\"1980-03-01\""), ("branchId", "\"B2\"")],
            "customer.advisor_assigned" => [("advisorId", "\"A2\"")],
            "customer.consent_changed" => [("doNotContact", "true")],
            "account.opened" => [("accountId", "\"TD-1\""), ("accountType", "\"term_deposit\""), ("balance", "50000.00"), ("maturityDate", "\"2027-06-30\"")],
            "account.closed" => [("accountId", "\"CC-1\"")],
            "deposit.matured" => [("accountId", "\"TD-1\""), ("amount", "\"51000.00\"")],
            "payment.due" => [("accountId", "\"L-1\""), ("dueDate", "\"2026-12-01\""), ("amount", "3200.50")],
            "payment.overdue" => [("accountId", "\"L-1\""), ("daysOverdue", "5"), ("amount", "3200.50")],
            "investment.purchased" => [("productId", Quote(productId)), ("productType", "\"fund\""), ("units", "1000"), ("price", "1.0523"), ("amount", "1052.30")],
            "investment.redeemed" => [("productId", Quote(productId)), ("units", "400"), ("amount", "430.00")],
            "investment.dividend_paid" => [("productId", Quote(productId)), ("amount", "12.34")],
            "transaction.posted" => [("accountId", "\"S-1\""), ("direction", "\"credit\""), ("kind", "\"salary\""), ("amount", "30000.00"),
                ("currency", "\"CNY\""), ("balanceAfter", "130000.00"), ("channel", "\"branch\""),
                ("counterparty", """{"name":"Employer","bankId":"B9","external":true}""")],
            "transaction.reversed" => [("originalEventId", Quote(eventId + "-o")), ("accountId", "\"CC-1\""), ("balanceAfter", "0")],
            "product.nav_updated" => [("productId", Quote(productId)), ("nav", "1.0871"), ("asOf", stamp)],
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a SPEC type"),
        });
        return fields;
    }
}
