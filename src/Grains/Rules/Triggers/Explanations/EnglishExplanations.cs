using static Engagement.Rules.Triggers.Explanations.Explanation;
using W = Engagement.Rules.Triggers.Wording;

namespace Engagement.Rules.Triggers.Explanations;

/// <summary>Explanations in English: amounts as 500,000.00, dates as 2026-12-01.</summary>
public static class EnglishExplanations
{
    /// <summary>The English sentence for a trigger of <paramref name="type"/> with facts <paramref name="f"/>.</summary>
    public static string Of(string type, Facts f) => type switch
    {
        TriggerTypes.DepositMaturing =>
            $"Term deposit {f.Text("accountId")} of {W.Money(f.Number("amount"))} matures on {W.Date(f.Date("maturityDate"))}, {W.In(f.Whole("daysLeft"))}: offer a renewal or another product before the funds move.",
        TriggerTypes.DepositMatured =>
            $"Term deposit {f.Text("accountId")} matured on {W.Date(f.Date("maturedOn"))} paying {W.Money(f.Number("amount"))}: call now, before the funds move elsewhere.",
        TriggerTypes.PaymentDue =>
            $"A payment of {W.Money(f.Number("amount"))} on {f.Text("accountId")} is due on {W.Date(f.Date("dueDate"))}, {W.In(f.Whole("daysLeft"))}: remind the customer to keep funds available.",
        TriggerTypes.PaymentOverdue =>
            $"Payment of {W.Money(f.Number("amount"))} on {f.Text("accountId")} is {f.Whole("daysOverdue")} days overdue: contact the customer to arrange repayment.",
        TriggerTypes.TakeProfit =>
            $"{Holding(f)}, at or above the {f.Number("linePct"):0} % take-profit line: discuss taking profit.",
        TriggerTypes.StopLoss =>
            $"{Holding(f)}, at or below the {f.Number("linePct"):0} % stop-loss line: review the holding with the customer.",
        TriggerTypes.Dividend =>
            $"{f.Text("productId")} paid a dividend of {W.Money(f.Number("amount"))}: tell the customer and suggest how to reinvest it.",
        TriggerTypes.FollowUp =>
            $"The customer bought {W.Money(f.Number("amount"))} of {f.Text("productId")} on {W.Date(f.Date("purchasedAt"))}, {f.Whole("afterDays")} days ago: make the after-sales call.",
        TriggerTypes.Onboarding =>
            $"New customer registered on {W.Date(f.Date("registeredOn"))}: make the welcome call and complete the needs review.",
        TriggerTypes.Birthday =>
            $"The customer's birthday is on {W.Date(f.Date("birthday"))}, {W.In(f.Whole("daysLeft"))}: send greetings.",
        TriggerTypes.Anniversary =>
            $"Today is the customer's {Ordinal(f.Whole("years"))} anniversary with the bank (joined {W.Date(f.Date("joinedAt"))}): thank them for their loyalty.",
        TriggerTypes.TierUpgraded =>
            $"AUM of {W.Money(f.Number("aum"))} reached the {f.Text("to")} threshold of {W.Money(f.Number("threshold"))}: welcome the customer to {f.Text("to")} service.",
        TriggerTypes.TierDowngradeRisk =>
            $"AUM of {W.Money(f.Number("aum"))} fell below the {f.Text("tier")} threshold of {W.Money(f.Number("threshold"))}: the tier is kept until {W.Date(f.Date("graceEndsAt"))}, so contact the customer to retain the assets.",
        TriggerTypes.TierDowngraded =>
            $"AUM stayed below the {f.Text("from")} threshold of {W.Money(f.Number("threshold"))} through the {f.Whole("graceDays")}-day grace period (now {W.Money(f.Number("aum"))}): the customer is now {f.Text("to")}; explain the change and what would restore the tier.",
        TriggerTypes.Decline => f.Text("reason") == DeclineReasons.Inactive
            ? $"No customer-initiated transaction since {W.Date(f.Date("lastCustomerTransactionAt"))} ({f.Whole("windowDays")} days or more), so the customer is in decline (衰弱期): call to learn why and win them back."
            : $"AUM moved {W.Percent(ChangePct(f.Number("aum"), f.Number("aum90dAgo")))} over {f.Whole("windowDays")} days (from {W.Money(f.Number("aum90dAgo"))} to {W.Money(f.Number("aum"))}), so the customer is in decline (衰弱期): call to learn why and win them back.",
        TriggerTypes.Dormant =>
            $"No customer-initiated transaction for {f.Whole("days")} days (last activity {W.Date(f.Date("lastActivityAt"))}): reach out to reactivate the customer.",
        TriggerTypes.ReviewDue =>
            $"No recorded contact with this {f.Text("tier")} customer for {f.Whole("cadenceDays")} days (since {W.Date(f.Date("since"))}): schedule the periodic review.",
        TriggerTypes.PointsExpiring =>
            $"{W.Count(f.Number("points"))} of the customer's {W.Count(f.Number("balance"))} loyalty points expire after {W.Date(f.Date("expiresOn"))}, {W.In(f.Whole("daysLeft"))}: remind the customer to redeem them.",
        TriggerTypes.LargeOutflow => f.Has("meanDebit90d")
            ? $"A debit of {W.Money(f.Number("amount"))} from {f.Text("accountId")} is at least {f.Number("multiple"):0} times the 90-day mean debit of {W.Money(f.Number("meanDebit90d"))}: check the customer's intent before funds leave."
            : $"A debit of {W.Money(f.Number("amount"))} from {f.Text("accountId")} is at or above the {f.Text("tier")} large-outflow threshold of {W.Money(f.Number("threshold"))}: check the customer's intent before funds leave.",
        TriggerTypes.ExternalTransfer =>
            $"A transfer of {W.Money(f.Number("amount"))} from {f.Text("accountId")} to another bank{(f.OptionalText("bankId") is { } bank ? $" ({bank})" : "")} is at or above {W.Money(f.Number("threshold"))}: call to understand the move and retain the funds.",
        TriggerTypes.BalanceDrop =>
            $"AUM fell to {W.Money(f.Number("aum"))}, {W.Percent(SharePct(f.Number("aum"), f.Number("high30d")))} of its {f.Whole("windowDays")}-day high of {W.Money(f.Number("high30d"))} ({W.Money(f.Number("drop"))} lower): call to understand the drop.",
        TriggerTypes.LargeInflow =>
            $"A credit of {W.Money(f.Number("amount"))} to {f.Text("accountId")} is at or above the {f.Text("tier")} large-inflow threshold of {W.Money(f.Number("threshold"))}: offer suitable products for the new funds.",
        TriggerTypes.ActivitySpike =>
            $"{f.Whole("debits")} debits within {f.Whole("windowMinutes")} minutes, the latest {W.Money(f.Number("amount"))} from {f.Text("accountId")}: check with the customer at once for fraud or distress.",
        _ => throw Unknown(type),
    };

    private static string Holding(Facts f) =>
        $"{f.Text("productId")} is worth {W.Money(f.Number("value"))} against a cost of {W.Money(f.Number("cost"))} ({W.Percent(ReturnPct(f.Number("value"), f.Number("cost")))})";

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };
}
