namespace Engagement.Events;

/// <summary>The kind of account core banking opens for a customer.</summary>
public enum AccountType
{
    /// <summary>A current (demand) account.</summary>
    Current,
    /// <summary>A savings account.</summary>
    Savings,
    /// <summary>A term deposit with a maturity date.</summary>
    TermDeposit,
    /// <summary>A credit card: a liability, outside AUM.</summary>
    CreditCard,
    /// <summary>A loan: a liability, outside AUM.</summary>
    Loan,
}

/// <summary>The kind of investment product a customer holds.</summary>
public enum ProductType
{
    /// <summary>A mutual fund.</summary>
    Fund,
    /// <summary>A wealth-management product (理财).</summary>
    WealthManagement,
    /// <summary>A bond.</summary>
    Bond,
    /// <summary>An insurance product.</summary>
    Insurance,
}

/// <summary>Whether a posted transaction adds to or takes from the account.</summary>
public enum Direction
{
    /// <summary>Money in.</summary>
    Credit,
    /// <summary>Money out.</summary>
    Debit,
}

/// <summary>What a posted transaction was.</summary>
public enum TransactionKind
{
    /// <summary>A cash or cheque deposit.</summary>
    Deposit,
    /// <summary>A cash withdrawal.</summary>
    Withdrawal,
    /// <summary>A transfer received.</summary>
    TransferIn,
    /// <summary>A transfer sent.</summary>
    TransferOut,
    /// <summary>A purchase by card: earns points.</summary>
    CardPurchase,
    /// <summary>A repayment of a card balance.</summary>
    CardRepayment,
    /// <summary>A repayment of a loan.</summary>
    LoanRepayment,
    /// <summary>A salary credit.</summary>
    Salary,
    /// <summary>Interest paid by the bank: not customer-initiated.</summary>
    Interest,
    /// <summary>A fee charged by the bank: not customer-initiated.</summary>
    Fee,
    /// <summary>Anything else.</summary>
    Other,
}
