namespace Engagement.Simulator;

/// <summary>The topics core banking writes to (SPEC §1 defaults).</summary>
public static class CoreBankingTopics
{
    /// <summary>Customer master data.</summary>
    public const string Customers = "cb.customers";
    /// <summary>Accounts, deposits, loans, cards and investments.</summary>
    public const string Accounts = "cb.accounts";
    /// <summary>Posted transactions and reversals.</summary>
    public const string Transactions = "cb.transactions";
    /// <summary>Market data: net asset values, keyed by product.</summary>
    public const string Products = "md.products";

    /// <summary>Every topic above.</summary>
    public static IReadOnlyList<string> All { get; } = [Customers, Accounts, Transactions, Products];
}
