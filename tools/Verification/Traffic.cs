using Engagement.State;

namespace Engagement.Verification;

/// <summary>A deterministic stream of SPEC §1 records over many customers (openings, salaries, card purchases,
/// investments, reversals and repeated deliveries), with each customer's expected state folded through the pure rules.</summary>
public sealed class Traffic
{
    private readonly List<(string Key, string Value)> _records = [];

    /// <summary>Draws the records of <paramref name="customers"/> customers of run <paramref name="run"/> from <paramref name="seed"/>.</summary>
    public Traffic(string run, int customers, int eventsPerCustomer, int seed)
    {
        var random = new Random(seed);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var perCustomer = Enumerable.Range(0, customers).Select(i => Customer(run, i, eventsPerCustomer, start, random)).ToList();
        // Interleave customers as core banking would, keeping each customer's own order.
        for (var step = 0; perCustomer.Any(c => step < c.Count); step++)
        {
            _records.AddRange(perCustomer.Where(c => step < c.Count).Select(c => c[step]));
        }
        CustomerIds = Enumerable.Range(0, customers).Select(i => CustomerId(run, i)).ToList();
    }

    /// <summary>Every record, in production order (repeated deliveries included).</summary>
    public IReadOnlyList<(string Key, string Value)> Records => _records;

    /// <summary>Every customer of the run, in order.</summary>
    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>Each customer's state after folding their records, in order, through the same rules the engine runs.</summary>
    public Dictionary<string, CustomerState> Expected() => Fold.Of(_records).Customers;

    private static string CustomerId(string run, int i) => $"F{run}-{i:D5}";

    private static List<(string, string)> Customer(string run, int i, int events, DateTimeOffset start, Random random)
    {
        var c = CustomerId(run, i);
        var at = start;
        var balance = Math.Round(10_000m + (decimal)random.NextDouble() * 600_000m, 2);
        var records = new List<(string, string)> { (c, Json.Opened($"{c}-0", c, at, "S-1", "savings", balance)) };
        var purchases = new List<string>();
        for (var n = 1; records.Count < events; n++)
        {
            at = at.AddSeconds(1);
            var id = $"{c}-{n}";
            var roll = random.Next(100);
            if (roll < 40)
            {
                var amount = Math.Round(10m + (decimal)random.NextDouble() * 3_000m, 2);
                purchases.Add(id);
                records.Add((c, Json.Posted(id, c, at, "CC-1", "debit", "card_purchase", amount, null)));
            }
            else if (roll < 65)
            {
                var amount = Math.Round(1_000m + (decimal)random.NextDouble() * 40_000m, 2);
                balance += amount;
                records.Add((c, Json.Posted(id, c, at, "S-1", "credit", "salary", amount, balance)));
            }
            else if (roll < 80)
            {
                records.Add((c, Json.Purchased(id, c, at, $"P-{random.Next(5)}", Math.Round(100m + (decimal)random.NextDouble() * 50_000m, 2), 1m)));
            }
            else if (roll < 90 && purchases.Count > 0)
            {
                var original = purchases[random.Next(purchases.Count)];
                records.Add((c, Json.Reversed(id, c, at, original, "CC-1", 0m)));
            }
            else if (records.Count > 1)
            {
                // A repeated delivery of an earlier record: the same eventId again.
                records.Add(records[1 + random.Next(records.Count - 1)]);
            }
        }
        return records;
    }
}
