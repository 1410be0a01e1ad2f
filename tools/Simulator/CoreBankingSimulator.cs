using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Engagement.Simulator;

/// <summary>Realistic SPEC §1 core-banking traffic for a population of customers: registrations and account openings,
/// salaries, card spending and repayments, term deposits that open and mature, investments and their NAV moves,
/// occasional large or external transfers, and bursts of card use.</summary>
/// <remarks>Deterministic: the same options and the same sequence of calls with the same times give the same records.
/// Balances are kept as core banking would, so every <c>balanceAfter</c> follows from the records before it.</remarks>
public sealed class CoreBankingSimulator
{
    private const int BranchCount = 20;
    private const int MerchantCount = 5_000;

    private static readonly int[] DepositTermsDays = [7, 30, 90, 180, 365];
    private static readonly string[] Channels = ["mobile", "online", "pos", "branch"];

    private readonly Random _random;
    private readonly SimulationOptions _options;
    private readonly string _runId;
    private readonly int _advisors;
    private readonly Customer[] _customers;
    private readonly Product[] _products;
    private readonly PriorityQueue<(Customer Customer, string AccountId, decimal Amount), DateOnly> _maturities = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1_024);
    private readonly Utf8JsonWriter _json;
    private DateTimeOffset? _nextNavAt;
    private long _sequence;
    private string _lastEventId = "";

    /// <summary>Creates the population: every customer's wealth and opening balances are drawn here.</summary>
    public CoreBankingSimulator(SimulationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Customers, 1);
        _options = options;
        _runId = options.RunId ?? $"sim{options.Seed}";
        _random = new Random(options.Seed);
        _advisors = Math.Clamp(options.Customers / 100, 5, 2_000);
        // Slashes and plus signs stay readable: the records are ASCII and never embedded in HTML.
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _products =
        [
            new("F-101", "fund", 1.0m), new("F-102", "fund", 1.8m), new("F-103", "fund", 0.9m), new("F-104", "fund", 2.4m),
            new("WM-201", "wealth_management", 1.0m), new("WM-202", "wealth_management", 1.0m), new("WM-203", "wealth_management", 1.0m),
            new("BD-301", "bond", 100m), new("BD-302", "bond", 100m), new("IN-401", "insurance", 1.0m),
        ];
        _customers = new Customer[options.Customers];
        for (var i = 0; i < _customers.Length; i++)
        {
            _customers[i] = NewCustomer(i + 1);
        }
    }

    /// <summary>How many customers there are.</summary>
    public int Customers => _customers.Length;

    /// <summary>The id of the <paramref name="number"/>th customer (from 1).</summary>
    public static string CustomerId(int number) => $"C{number:D4}";

    /// <summary>Every customer's registration and the opening of their current, savings and card accounts, at <paramref name="at"/>.</summary>
    public IEnumerable<SimulatedRecord> Onboarding(DateTimeOffset at)
    {
        foreach (var c in _customers)
        {
            var json = Begin("customer.registered", c.Id, at);
            json.WriteString("name", $"Customer {c.Number}");
            json.WriteString("birthDate", Date(new DateOnly(1950, 1, 1).AddDays(_random.Next(53 * 365))));
            if (_random.Next(10) > 0)
            {
                json.WriteString("advisorId", Advisor());
            }
            json.WriteString("branchId", $"B{1 + c.Number % BranchCount}");
            json.WriteString("joinedAt", Date(DateOnly.FromDateTime(at.Date).AddDays(-_random.Next(3_650))));
            json.WriteBoolean("doNotContact", _random.Next(100) < 3);
            yield return End(CoreBankingTopics.Customers, c.Id);
            yield return Opened(c, at, c.CurrentAccount, "current", c.Current);
            yield return Opened(c, at, c.SavingsAccount, "savings", c.Savings);
            yield return Opened(c, at, c.CardAccount, "credit_card", 0m);
        }
    }

    /// <summary>The next thing that happens at <paramref name="now"/>: usually one record; a few when they belong together
    /// (a deposit's maturity and payout, a purchase and its debit, a burst of card use, the day's NAVs).</summary>
    public IReadOnlyList<SimulatedRecord> Next(DateTimeOffset now)
    {
        var records = new List<SimulatedRecord>(2);
        if (DueNavs(now, records) || DueMaturity(now, records))
        {
            return records;
        }
        var c = _customers[_random.Next(_customers.Length)];
        switch (_random.Next(1_000))
        {
            case < 410: CardPurchase(c, now, records); break;
            case < 500: Salary(c, now, records); break;
            case < 580: SmallTransfer(c, now, records); break;
            case < 620: Withdrawal(c, now, records); break;
            case < 670: SavingsDeposit(c, now, records); break;
            case < 720: CardRepayment(c, now, records); break;
            case < 740: Interest(c, now, records); break;
            case < 750: Fee(c, now, records); break;
            case < 810: Purchase(c, now, records); break;
            case < 840: Redemption(c, now, records); break;
            case < 860: Dividend(c, now, records); break;
            case < 890: TermDeposit(c, now, records); break;
            case < 915: PaymentDue(c, now, records); break;
            case < 920: PaymentOverdue(c, now, records); break;
            case < 935: LargeTransfer(c, now, records); break;
            case < 945: LargeInflow(c, now, records); break;
            case < 955: Burst(c, now, records); break;
            case < 965: ProfileChange(c, now, records); break;
            default: Reversal(c, now, records); break;
        }
        return records;
    }

    private Customer NewCustomer(int number)
    {
        var roll = _random.Next(100);
        var (scale, savings) = roll switch
        {
            < 78 => (1m, Money(5_000, 200_000)),
            < 95 => (4m, Money(200_000, 2_000_000)),
            _ => (15m, Money(2_000_000, 15_000_000)),
        };
        return new Customer(number, scale) { Current = Money(500, 30_000) * scale, Savings = savings };
    }

    private bool DueNavs(DateTimeOffset now, List<SimulatedRecord> records)
    {
        _nextNavAt ??= now + _options.NavUpdateInterval;
        if (now < _nextNavAt)
        {
            return false;
        }
        _nextNavAt = now + _options.NavUpdateInterval;
        foreach (var product in _products)
        {
            product.Nav = Math.Max(0.01m, Math.Round(product.Nav * (0.97m + (decimal)_random.NextDouble() * 0.06m), 4));
            var json = Begin("product.nav_updated", null, now);
            json.WriteString("productId", product.Id);
            json.WriteNumber("nav", product.Nav);
            json.WriteString("asOf", Stamp(now));
            records.Add(End(CoreBankingTopics.Products, product.Id));
        }
        return true;
    }

    private bool DueMaturity(DateTimeOffset now, List<SimulatedRecord> records)
    {
        if (!_maturities.TryPeek(out var deposit, out var maturity) || maturity > DateOnly.FromDateTime(now.Date))
        {
            return false;
        }
        _maturities.Dequeue();
        var (c, accountId, amount) = deposit;
        var json = Begin("deposit.matured", c.Id, now);
        json.WriteString("accountId", accountId);
        json.WriteNumber("amount", amount);
        records.Add(End(CoreBankingTopics.Accounts, c.Id));
        json = Begin("account.closed", c.Id, now);
        json.WriteString("accountId", accountId);
        records.Add(End(CoreBankingTopics.Accounts, c.Id));
        c.Current += amount;
        records.Add(Posted(c, now, c.CurrentAccount, "credit", "deposit", amount, c.Current, "branch", null));
        return true;
    }

    private void CardPurchase(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        var amount = Money(15, 3_000) * c.Scale;
        c.CardOwed += amount;
        records.Add(Posted(c, at, c.CardAccount, "debit", "card_purchase", amount, c.CardOwed, Channels[_random.Next(3)],
            new Counterparty($"Merchant {_random.Next(MerchantCount)}", null, false)));
        c.LastCardPurchase = (_lastEventId, amount);
    }

    private void Salary(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        var amount = Money(6_000, 25_000) * c.Scale;
        c.Current += amount;
        records.Add(Posted(c, at, c.CurrentAccount, "credit", "salary", amount, c.Current, null,
            new Counterparty($"Employer {c.Number % 997}", "OTHER", true)));
    }

    private void SmallTransfer(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        var amount = Math.Min(Money(50, 8_000) * c.Scale, c.Current);
        if (amount < 1m)
        {
            Salary(c, at, records);
            return;
        }
        c.Current -= amount;
        var external = _random.Next(10) < 3;
        records.Add(Posted(c, at, c.CurrentAccount, "debit", "transfer_out", amount, c.Current, "mobile",
            new Counterparty("Payee", external ? "OTHER" : "OWN", external)));
    }

    private void Withdrawal(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        var amount = Math.Min(100m * _random.Next(1, 30), c.Current);
        if (amount < 100m)
        {
            Salary(c, at, records);
            return;
        }
        c.Current -= amount;
        records.Add(Posted(c, at, c.CurrentAccount, "debit", "withdrawal", amount, c.Current, "atm", null));
    }

    private void SavingsDeposit(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        var amount = Money(1_000, 50_000) * c.Scale;
        c.Savings += amount;
        records.Add(Posted(c, at, c.SavingsAccount, "credit", "deposit", amount, c.Savings, "branch", null));
    }

    private void CardRepayment(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        var amount = Math.Min(c.CardOwed, c.Current);
        if (amount < 1m)
        {
            CardPurchase(c, at, records);
            return;
        }
        c.Current -= amount;
        c.CardOwed -= amount;
        records.Add(Posted(c, at, c.CurrentAccount, "debit", "card_repayment", amount, c.Current, "mobile", null));
        records.Add(Posted(c, at, c.CardAccount, "credit", "card_repayment", amount, c.CardOwed, "mobile", null));
    }

    private void Interest(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        var amount = Math.Max(0.01m, Math.Round(c.Savings * 0.0002m, 2));
        c.Savings += amount;
        records.Add(Posted(c, at, c.SavingsAccount, "credit", "interest", amount, c.Savings, null, null));
    }

    private void Fee(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        var amount = Money(5, 50);
        c.Current -= amount;
        records.Add(Posted(c, at, c.CurrentAccount, "debit", "fee", amount, c.Current, null, null));
    }

    private void Purchase(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        var product = _products[_random.Next(_products.Length)];
        var units = Math.Round(Math.Min(Money(1_000, 100_000) * c.Scale, c.Savings / 2) / product.Nav, 2);
        var amount = Math.Round(units * product.Nav, 2);
        if (units <= 0m || amount < 100m)
        {
            SavingsDeposit(c, at, records);
            return;
        }
        var json = Begin("investment.purchased", c.Id, at);
        json.WriteString("productId", product.Id);
        json.WriteString("productType", product.Type);
        json.WriteNumber("units", units);
        json.WriteNumber("price", product.Nav);
        json.WriteNumber("amount", amount);
        records.Add(End(CoreBankingTopics.Accounts, c.Id));
        c.Holdings[product] = c.Holdings.GetValueOrDefault(product) + units;
        c.Savings -= amount;
        records.Add(Posted(c, at, c.SavingsAccount, "debit", "transfer_out", amount, c.Savings, "mobile", new Counterparty(product.Id, "OWN", false)));
    }

    private void Redemption(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        if (c.Holdings.Count == 0)
        {
            Purchase(c, at, records);
            return;
        }
        var (product, held) = c.Holdings.ElementAt(_random.Next(c.Holdings.Count));
        var units = _random.Next(3) == 0 ? held : Math.Max(0.01m, Math.Round(held * (decimal)_random.NextDouble(), 2));
        var amount = Math.Max(0.01m, Math.Round(units * product.Nav, 2));
        var json = Begin("investment.redeemed", c.Id, at);
        json.WriteString("productId", product.Id);
        json.WriteNumber("units", units);
        json.WriteNumber("amount", amount);
        records.Add(End(CoreBankingTopics.Accounts, c.Id));
        if (units >= held)
        {
            c.Holdings.Remove(product);
        }
        else
        {
            c.Holdings[product] = held - units;
        }
        c.Savings += amount;
        records.Add(Posted(c, at, c.SavingsAccount, "credit", "transfer_in", amount, c.Savings, "mobile", new Counterparty(product.Id, "OWN", false)));
    }

    private void Dividend(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        if (c.Holdings.Count == 0)
        {
            Interest(c, at, records);
            return;
        }
        var (product, held) = c.Holdings.ElementAt(_random.Next(c.Holdings.Count));
        var amount = Math.Max(0.01m, Math.Round(held * product.Nav * 0.005m, 2));
        var json = Begin("investment.dividend_paid", c.Id, at);
        json.WriteString("productId", product.Id);
        json.WriteNumber("amount", amount);
        records.Add(End(CoreBankingTopics.Accounts, c.Id));
        c.Savings += amount;
        records.Add(Posted(c, at, c.SavingsAccount, "credit", "other", amount, c.Savings, null, new Counterparty(product.Id, "OWN", false)));
    }

    private void TermDeposit(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        var amount = Math.Round(c.Savings * (0.3m + (decimal)_random.NextDouble() * 0.4m) / 1_000m) * 1_000m;
        if (amount < 10_000m)
        {
            SavingsDeposit(c, at, records);
            return;
        }
        var accountId = $"TD-{c.Number}-{++c.Deposits}";
        var maturity = DateOnly.FromDateTime(at.Date).AddDays(DepositTermsDays[_random.Next(DepositTermsDays.Length)]);
        var json = Begin("account.opened", c.Id, at);
        json.WriteString("accountId", accountId);
        json.WriteString("accountType", "term_deposit");
        json.WriteNumber("balance", amount);
        json.WriteString("maturityDate", Date(maturity));
        records.Add(End(CoreBankingTopics.Accounts, c.Id));
        c.Savings -= amount;
        records.Add(Posted(c, at, c.SavingsAccount, "debit", "transfer_out", amount, c.Savings, "branch", new Counterparty(accountId, "OWN", false)));
        _maturities.Enqueue((c, accountId, amount), maturity);
    }

    private void PaymentDue(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        if (c.CardOwed < 1m)
        {
            CardPurchase(c, at, records);
            return;
        }
        var json = Begin("payment.due", c.Id, at);
        json.WriteString("accountId", c.CardAccount);
        json.WriteString("dueDate", Date(DateOnly.FromDateTime(at.Date).AddDays(_random.Next(3, 21))));
        json.WriteNumber("amount", c.CardOwed);
        records.Add(End(CoreBankingTopics.Accounts, c.Id));
    }

    private void PaymentOverdue(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        if (c.CardOwed < 1m)
        {
            CardPurchase(c, at, records);
            return;
        }
        var json = Begin("payment.overdue", c.Id, at);
        json.WriteString("accountId", c.CardAccount);
        json.WriteNumber("daysOverdue", _random.Next(1, 61));
        json.WriteNumber("amount", c.CardOwed);
        records.Add(End(CoreBankingTopics.Accounts, c.Id));
    }

    private void LargeTransfer(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        var amount = Math.Min(Money(50_000, 500_000) * c.Scale, Math.Round(c.Savings * 0.8m, 2));
        if (amount < 50_000m)
        {
            SmallTransfer(c, at, records);
            return;
        }
        c.Savings -= amount;
        var external = _random.Next(10) < 6;
        records.Add(Posted(c, at, c.SavingsAccount, "debit", "transfer_out", amount, c.Savings, "online",
            new Counterparty("Payee", external ? "OTHER" : "OWN", external)));
    }

    private void LargeInflow(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        var amount = Money(100_000, 800_000) * c.Scale;
        c.Savings += amount;
        records.Add(Posted(c, at, c.SavingsAccount, "credit", "transfer_in", amount, c.Savings, "online",
            new Counterparty("Remitter", "OTHER", true)));
    }

    // A card used over and over within the hour: the minutes before now, so no record lies in the future.
    private void Burst(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        var count = _random.Next(10, 15);
        for (var i = count - 1; i >= 0; i--)
        {
            CardPurchase(c, at.AddMinutes(-3 * i), records);
        }
    }

    private void ProfileChange(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        switch (_random.Next(3))
        {
            case 0:
                Begin("customer.updated", c.Id, at).WriteString("branchId", $"B{1 + _random.Next(BranchCount)}");
                break;
            case 1:
                Begin("customer.advisor_assigned", c.Id, at).WriteString("advisorId", Advisor());
                break;
            default:
                Begin("customer.consent_changed", c.Id, at).WriteBoolean("doNotContact", _random.Next(2) == 0);
                break;
        }
        records.Add(End(CoreBankingTopics.Customers, c.Id));
    }

    private void Reversal(Customer c, DateTimeOffset at, List<SimulatedRecord> records)
    {
        if (c.LastCardPurchase is not { } last)
        {
            CardPurchase(c, at, records);
            return;
        }
        var (eventId, amount) = last;
        c.LastCardPurchase = null;
        c.CardOwed -= amount;
        var json = Begin("transaction.reversed", c.Id, at);
        json.WriteString("originalEventId", eventId);
        json.WriteString("accountId", c.CardAccount);
        json.WriteNumber("balanceAfter", c.CardOwed);
        records.Add(End(CoreBankingTopics.Transactions, c.Id));
    }

    private SimulatedRecord Opened(Customer c, DateTimeOffset at, string accountId, string accountType, decimal balance)
    {
        var json = Begin("account.opened", c.Id, at);
        json.WriteString("accountId", accountId);
        json.WriteString("accountType", accountType);
        json.WriteNumber("balance", balance);
        return End(CoreBankingTopics.Accounts, c.Id);
    }

    private SimulatedRecord Posted(Customer c, DateTimeOffset at, string accountId, string direction, string kind,
        decimal amount, decimal balanceAfter, string? channel, Counterparty? counterparty)
    {
        var json = Begin("transaction.posted", c.Id, at);
        json.WriteString("accountId", accountId);
        json.WriteString("direction", direction);
        json.WriteString("kind", kind);
        json.WriteNumber("amount", amount);
        json.WriteString("currency", _options.Currency);
        json.WriteNumber("balanceAfter", balanceAfter);
        if (channel is not null)
        {
            json.WriteString("channel", channel);
        }
        if (counterparty is { } party)
        {
            json.WriteStartObject("counterparty");
            json.WriteString("name", party.Name);
            if (party.BankId is not null)
            {
                json.WriteString("bankId", party.BankId);
            }
            json.WriteBoolean("external", party.External);
            json.WriteEndObject();
        }
        return End(CoreBankingTopics.Transactions, c.Id);
    }

    private Utf8JsonWriter Begin(string type, string? customerId, DateTimeOffset at)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _lastEventId = $"{_runId}-{++_sequence}";
        _json.WriteStartObject();
        _json.WriteString("eventId", _lastEventId);
        _json.WriteString("type", type);
        if (customerId is not null)
        {
            _json.WriteString("customerId", customerId);
        }
        _json.WriteString("occurredAt", Stamp(at));
        return _json;
    }

    private SimulatedRecord End(string topic, string key)
    {
        _json.WriteEndObject();
        _json.Flush();
        return new SimulatedRecord(topic, key, Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    private string Advisor() => $"A{1 + _random.Next(_advisors)}";

    private decimal Money(int min, int max) => Math.Round(min + (decimal)_random.NextDouble() * (max - min), 2);

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Counterparty(string Name, string? BankId, bool External);

    private sealed class Product(string id, string type, decimal nav)
    {
        public string Id => id;
        public string Type => type;
        public decimal Nav { get; set; } = nav;
    }

    private sealed class Customer(int number, decimal scale)
    {
        public int Number => number;
        public string Id { get; } = CustomerId(number);
        /// <summary>Wealth band: 1 for the mass market, 4 affluent, 15 high net worth; scales amounts.</summary>
        public decimal Scale => scale;
        public string CurrentAccount => $"CA-{number}";
        public string SavingsAccount => $"SA-{number}";
        public string CardAccount => $"CC-{number}";
        public decimal Current { get; set; }
        public decimal Savings { get; set; }
        public decimal CardOwed { get; set; }
        public int Deposits { get; set; }
        public Dictionary<Product, decimal> Holdings { get; } = [];
        public (string EventId, decimal Amount)? LastCardPurchase { get; set; }
    }
}
