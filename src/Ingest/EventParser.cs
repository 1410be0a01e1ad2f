using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Engagement.Events;

namespace Engagement.Ingest;

/// <summary>Turns a Kafka record's key and value into a typed SPEC §1 event, or the reason it is bad input.</summary>
public sealed class EventParser(string baseCurrency)
{
    private const string NavType = "product.nav_updated";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = JsonTextCheck.MaxDepth + 1 };

    /// <summary>Parses and validates one record as it came off Kafka: a key that is not UTF-8 is bad input.</summary>
    public ParsedRecord Parse(byte[]? key, ReadOnlyMemory<byte> value) =>
        key is null || Utf8.IsValid(key) ? Parse(key is null ? null : Encoding.UTF8.GetString(key), value) : ParsedRecord.Bad("invalid_encoding");

    /// <summary>Parses and validates one record.</summary>
    public ParsedRecord Parse(string? key, ReadOnlyMemory<byte> value)
    {
        if (JsonTextCheck.Flaw(value.Span) is { } flaw)
        {
            return ParsedRecord.Bad(flaw);
        }
        using var document = JsonDocument.Parse(value, DocumentOptions);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return ParsedRecord.Bad("invalid_json");
        }
        try
        {
            return Read(key, new JsonFields(document.RootElement));
        }
        catch (BadInputException bad)
        {
            return ParsedRecord.Bad(bad.Reason);
        }
    }

    private ParsedRecord Read(string? key, JsonFields f)
    {
        var eventId = f.String("eventId", 128);
        var type = f.String("type", 64);
        if (type == NavType)
        {
            var productId = f.Id("productId");
            var nav = new NavUpdated(eventId, productId, f.Positive("nav", InputBounds.Price), f.Timestamp("asOf"), f.Timestamp("occurredAt"));
            return key == productId ? ParsedRecord.Of(nav) : ParsedRecord.Bad("key_mismatch");
        }
        if (!Readers.TryGetValue(type, out var reader))
        {
            return ParsedRecord.Bad("unknown_type");
        }
        var customerId = f.Id("customerId");
        var occurredAt = f.Timestamp("occurredAt");
        var e = reader(this, f, occurredAt) with { EventId = eventId, CustomerId = customerId, OccurredAt = occurredAt };
        return key == customerId ? ParsedRecord.Of(e) : ParsedRecord.Bad("key_mismatch");
    }

    private delegate CustomerEvent Reader(EventParser parser, JsonFields f, DateTimeOffset occurredAt);

    // The envelope fields are set by the caller; the readers fill what is particular to each type.
    private static readonly Dictionary<string, Reader> Readers = new(StringComparer.Ordinal)
    {
        ["customer.registered"] = (_, f, at) => new CustomerRegistered
        {
            EventId = "", CustomerId = "", OccurredAt = at,
            Name = f.String("name"),
            BirthDate = f.OptionalDate("birthDate"),
            AdvisorId = f.OptionalId("advisorId"),
            BranchId = f.OptionalId("branchId"),
            JoinedAt = f.OptionalDate("joinedAt") ?? DateOnly.FromDateTime(at.DateTime),
            DoNotContact = f.OptionalBool("doNotContact") ?? false,
        },
        ["customer.updated"] = (_, f, at) => new CustomerUpdated
        {
            EventId = "", CustomerId = "", OccurredAt = at,
            Name = f.OptionalString("name"),
            BirthDate = f.OptionalDate("birthDate"),
            BranchId = f.OptionalId("branchId"),
        },
        ["customer.advisor_assigned"] = (_, f, at) => new AdvisorAssigned
        {
            EventId = "", CustomerId = "", OccurredAt = at, AdvisorId = f.Id("advisorId"),
        },
        ["customer.consent_changed"] = (_, f, at) => new ConsentChanged
        {
            EventId = "", CustomerId = "", OccurredAt = at, DoNotContact = f.Bool("doNotContact"),
        },
        ["account.opened"] = (_, f, at) =>
        {
            var accountType = f.Enum<AccountType>("accountType");
            return new AccountOpened
            {
                EventId = "", CustomerId = "", OccurredAt = at,
                AccountId = f.Id("accountId"),
                AccountType = accountType,
                Balance = f.OptionalDecimal("balance", InputBounds.Money) ?? 0m,
                MaturityDate = accountType == AccountType.TermDeposit ? f.Date("maturityDate") : f.OptionalDate("maturityDate"),
            };
        },
        ["account.closed"] = (_, f, at) => new AccountClosed
        {
            EventId = "", CustomerId = "", OccurredAt = at, AccountId = f.Id("accountId"),
        },
        ["deposit.matured"] = (_, f, at) => new DepositMatured
        {
            EventId = "", CustomerId = "", OccurredAt = at, AccountId = f.Id("accountId"), Amount = f.Positive("amount", InputBounds.Money),
        },
        ["payment.due"] = (_, f, at) => new PaymentDue
        {
            EventId = "", CustomerId = "", OccurredAt = at,
            AccountId = f.Id("accountId"), DueDate = f.Date("dueDate"), Amount = f.Positive("amount", InputBounds.Money),
        },
        ["payment.overdue"] = (_, f, at) => new PaymentOverdue
        {
            EventId = "", CustomerId = "", OccurredAt = at,
            AccountId = f.Id("accountId"), DaysOverdue = f.Int("daysOverdue", InputBounds.MaxDaysOverdue), Amount = f.Positive("amount", InputBounds.Money),
        },
        ["investment.purchased"] = (_, f, at) => new InvestmentPurchased
        {
            EventId = "", CustomerId = "", OccurredAt = at,
            ProductId = f.Id("productId"), ProductType = f.Enum<ProductType>("productType"),
            Units = f.Positive("units", InputBounds.Units), Price = f.Positive("price", InputBounds.Price), Amount = f.Positive("amount", InputBounds.Money),
        },
        ["investment.redeemed"] = (_, f, at) => new InvestmentRedeemed
        {
            EventId = "", CustomerId = "", OccurredAt = at,
            ProductId = f.Id("productId"), Units = f.Positive("units", InputBounds.Units), Amount = f.Positive("amount", InputBounds.Money),
        },
        ["investment.dividend_paid"] = (_, f, at) => new DividendPaid
        {
            EventId = "", CustomerId = "", OccurredAt = at, ProductId = f.Id("productId"), Amount = f.Positive("amount", InputBounds.Money),
        },
        ["transaction.posted"] = (parser, f, at) => new TransactionPosted
        {
            EventId = "", CustomerId = "", OccurredAt = at,
            AccountId = f.Id("accountId"),
            Direction = f.Enum<Direction>("direction"),
            Kind = f.Enum<TransactionKind>("kind"),
            Amount = f.Positive("amount", InputBounds.Money),
            Currency = parser.Currency(f.String("currency", 3)),
            BalanceAfter = f.OptionalDecimal("balanceAfter", InputBounds.Money),
            Channel = f.OptionalString("channel", 64),
            Counterparty = f.OptionalObject("counterparty") is { } c
                ? new Counterparty(c.OptionalString("name"), c.OptionalString("bankId", 64), c.OptionalBool("external") ?? false)
                : null,
        },
        ["transaction.reversed"] = (_, f, at) => new TransactionReversed
        {
            EventId = "", CustomerId = "", OccurredAt = at,
            OriginalEventId = f.String("originalEventId", 128),
            AccountId = f.Id("accountId"),
            BalanceAfter = f.Decimal("balanceAfter", InputBounds.Money),
        },
    };

    private string Currency(string currency) =>
        string.Equals(currency, baseCurrency, StringComparison.Ordinal) ? currency : throw new BadInputException("unsupported_currency");
}
