using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Engagement.Silo.Demo;

/// <summary>Simulated core-banking traffic: customers who register, open accounts, are paid, spend, invest and
/// now and then move large sums; deterministic for a seed.</summary>
public sealed class DemoTraffic(int customers, int seed, string runId)
{
    private const string Currency = "CNY";
    private static readonly string[] Products = ["F-100", "F-200", "WM-300"];

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, decimal> _balances = [];
    private long _next;

    /// <summary>A topic, key and JSON value, ready to produce.</summary>
    public readonly record struct Record(string Topic, string Key, string Value);

    /// <summary>The registration and opening of every simulated customer.</summary>
    public IEnumerable<Record> Onboarding(DateTimeOffset now)
    {
        for (var i = 1; i <= customers; i++)
        {
            var customerId = CustomerId(i);
            yield return Customer(customerId, "customer.registered", now, new JsonObject
            {
                ["name"] = $"Demo customer {i}",
                ["birthDate"] = new DateOnly(1960 + i % 40, 1 + i % 12, 1 + i % 28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["advisorId"] = $"A{1 + i % 5}",
                ["branchId"] = $"B{1 + i % 3}",
            });
            var opening = Money(1_000, i % 10 == 0 ? 900_000 : 120_000);
            _balances[customerId] = opening;
            yield return Customer(customerId, "account.opened", now, new JsonObject
            {
                ["accountId"] = $"S-{i}", ["accountType"] = "savings", ["balance"] = opening,
            });
        }
    }

    /// <summary>One everyday event: a salary, a card purchase, a transfer, an investment or a NAV move.</summary>
    public Record Next(DateTimeOffset now)
    {
        var i = 1 + _random.Next(customers);
        var customerId = CustomerId(i);
        var roll = _random.Next(100);
        if (roll < 10)
        {
            var productId = Products[_random.Next(Products.Length)];
            return new Record("md.products", productId, Serialize(new JsonObject
            {
                ["eventId"] = EventId(), ["type"] = "product.nav_updated", ["productId"] = productId,
                ["nav"] = Math.Round(0.8m + (decimal)_random.NextDouble() * 0.5m, 4), ["asOf"] = Stamp(now), ["occurredAt"] = Stamp(now),
            }));
        }
        if (roll < 20)
        {
            var units = Money(100, 5_000);
            return Customer(customerId, "investment.purchased", now, new JsonObject
            {
                ["productId"] = Products[_random.Next(Products.Length)], ["productType"] = "fund",
                ["units"] = units, ["price"] = 1m, ["amount"] = units,
            });
        }
        var (kind, direction, amount) = roll switch
        {
            < 35 => ("salary", "credit", Money(8_000, 30_000)),
            < 85 => ("card_purchase", "debit", Money(20, 2_000)),
            < 98 => ("transfer_out", "debit", Money(100, 10_000)),
            _ => ("transfer_out", "debit", Money(50_000, 300_000)),
        };
        var balance = _balances[customerId] + (direction == "credit" ? amount : -amount);
        _balances[customerId] = balance;
        return Customer(customerId, "transaction.posted", now, new JsonObject
        {
            ["accountId"] = $"S-{i}", ["direction"] = direction, ["kind"] = kind, ["amount"] = amount,
            ["currency"] = Currency, ["balanceAfter"] = balance, ["channel"] = "mobile",
            ["counterparty"] = kind == "transfer_out" ? new JsonObject { ["name"] = "Payee", ["bankId"] = "OTHER", ["external"] = amount >= 50_000 } : null,
        });
    }

    private Record Customer(string customerId, string type, DateTimeOffset now, JsonObject fields)
    {
        var value = new JsonObject { ["eventId"] = EventId(), ["type"] = type, ["customerId"] = customerId, ["occurredAt"] = Stamp(now) };
        foreach (var (name, field) in fields)
        {
            value[name] = field?.DeepClone();
        }
        var topic = type.StartsWith("customer.", StringComparison.Ordinal) ? "cb.customers"
            : type.StartsWith("transaction.", StringComparison.Ordinal) ? "cb.transactions"
            : "cb.accounts";
        return new Record(topic, customerId, Serialize(value));
    }

    private decimal Money(int min, int max) => Math.Round(min + (decimal)_random.NextDouble() * (max - min), 2);

    private string EventId() => $"demo-{runId}-{++_next}";

    private static string CustomerId(int i) => $"C{i:D4}";

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static string Serialize(JsonObject value) => value.ToJsonString(JsonSerializerOptions.Default);
}
