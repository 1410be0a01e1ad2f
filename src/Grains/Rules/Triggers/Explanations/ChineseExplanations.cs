using static Engagement.Rules.Triggers.Explanations.Explanation;
using W = Engagement.Rules.Triggers.Explanations.ChineseWording;

namespace Engagement.Rules.Triggers.Explanations;

/// <summary>Explanations in Simplified Chinese: amounts as 500,000.00元, dates as 2026年12月1日; the same facts and
/// numbers as the English ones.</summary>
public static class ChineseExplanations
{
    /// <summary>The Chinese sentence for a trigger of <paramref name="type"/> with facts <paramref name="f"/>.</summary>
    public static string Of(string type, Facts f) => type switch
    {
        TriggerTypes.DepositMaturing =>
            $"定期存款{f.Text("accountId")}（{W.Money(f.Number("amount"))}）将于{W.Date(f.Date("maturityDate"))}到期，{W.In(f.Whole("daysLeft"))}：请在资金流出前推荐续存或其他产品。",
        TriggerTypes.DepositMatured =>
            $"定期存款{f.Text("accountId")}已于{W.Date(f.Date("maturedOn"))}到期，到期金额{W.Money(f.Number("amount"))}：请立即致电，以免资金流向他处。",
        TriggerTypes.PaymentDue =>
            $"{f.Text("accountId")}有一笔{W.Money(f.Number("amount"))}的还款将于{W.Date(f.Date("dueDate"))}到期，{W.In(f.Whole("daysLeft"))}：请提醒客户备足资金。",
        TriggerTypes.PaymentOverdue =>
            $"{f.Text("accountId")}的{W.Money(f.Number("amount"))}还款已逾期{f.Whole("daysOverdue")}天：请联系客户安排还款。",
        TriggerTypes.TakeProfit =>
            $"{Holding(f)}，已达到{f.Number("linePct"):0}%止盈线：请与客户商讨止盈。",
        TriggerTypes.StopLoss =>
            $"{Holding(f)}，已触及{f.Number("linePct"):0}%止损线：请与客户检视该持仓。",
        TriggerTypes.Dividend =>
            $"{f.Text("productId")}派发分红{W.Money(f.Number("amount"))}：请告知客户并建议再投资方式。",
        TriggerTypes.FollowUp =>
            $"客户于{W.Date(f.Date("purchasedAt"))}购买{f.Text("productId")}共{W.Money(f.Number("amount"))}，已满{f.Whole("afterDays")}天：请进行售后回访。",
        TriggerTypes.Onboarding =>
            $"新客户于{W.Date(f.Date("registeredOn"))}登记：请致电欢迎并完成需求评估。",
        TriggerTypes.Birthday =>
            $"客户生日是{W.Date(f.Date("birthday"))}，{W.In(f.Whole("daysLeft"))}：请送上生日祝福。",
        TriggerTypes.Anniversary =>
            $"今天是客户与本行结缘{f.Whole("years")}周年（{W.Date(f.Date("joinedAt"))}加入）：请感谢客户的长期支持。",
        TriggerTypes.TierUpgraded =>
            $"资产规模{W.Money(f.Number("aum"))}已达到{W.Tier(f.Text("to"))}门槛{W.Money(f.Number("threshold"))}：请欢迎客户享受{W.Tier(f.Text("to"))}服务。",
        TriggerTypes.TierDowngradeRisk =>
            $"资产规模{W.Money(f.Number("aum"))}已低于{W.Tier(f.Text("tier"))}门槛{W.Money(f.Number("threshold"))}：等级保留至{W.Date(f.Date("graceEndsAt"))}，请联系客户挽留资产。",
        TriggerTypes.TierDowngraded =>
            $"资产规模在{f.Whole("graceDays")}天宽限期内始终低于{W.Tier(f.Text("from"))}门槛{W.Money(f.Number("threshold"))}（现为{W.Money(f.Number("aum"))}）：客户已降为{W.Tier(f.Text("to"))}，请说明变化及恢复等级的条件。",
        TriggerTypes.Decline => f.Text("reason") == DeclineReasons.Inactive
            ? $"自{W.Date(f.Date("lastCustomerTransactionAt"))}起无客户主动交易（{f.Whole("windowDays")}天或以上），客户进入衰弱期：请致电了解原因并挽回客户。"
            : $"资产规模{f.Whole("windowDays")}天内变动{W.Percent(ChangePct(f.Number("aum"), f.Number("aum90dAgo")))}（由{W.Money(f.Number("aum90dAgo"))}变为{W.Money(f.Number("aum"))}），客户进入衰弱期：请致电了解原因并挽回客户。",
        TriggerTypes.Dormant =>
            $"客户已{f.Whole("days")}天无主动交易（最近活动{W.Date(f.Date("lastActivityAt"))}）：请主动联系，激活客户。",
        TriggerTypes.ReviewDue =>
            $"已{f.Whole("cadenceDays")}天未与这位{W.Tier(f.Text("tier"))}客户联络（自{W.Date(f.Date("since"))}起）：请安排定期回顾。",
        TriggerTypes.PointsExpiring =>
            $"客户{W.Count(f.Number("balance"))}积分中有{W.Count(f.Number("points"))}积分将于{W.Date(f.Date("expiresOn"))}后过期（{W.In(f.Whole("daysLeft"))}）：请提醒客户及时兑换。",
        TriggerTypes.LargeOutflow => f.Has("meanDebit90d")
            ? $"{f.Text("accountId")}支出{W.Money(f.Number("amount"))}，至少为近90天平均支出{W.Money(f.Number("meanDebit90d"))}的{f.Number("multiple"):0}倍：请在资金流出前确认客户意图。"
            : $"{f.Text("accountId")}支出{W.Money(f.Number("amount"))}，达到{W.Tier(f.Text("tier"))}大额流出门槛{W.Money(f.Number("threshold"))}：请在资金流出前确认客户意图。",
        TriggerTypes.ExternalTransfer =>
            $"{f.Text("accountId")}向他行{(f.OptionalText("bankId") is { } bank ? $"（{bank}）" : "")}转出{W.Money(f.Number("amount"))}，达到{W.Money(f.Number("threshold"))}：请致电了解资金去向并挽留资金。",
        TriggerTypes.BalanceDrop =>
            $"资产规模降至{W.Money(f.Number("aum"))}，为近{f.Whole("windowDays")}天高点{W.Money(f.Number("high30d"))}的{W.Percent(SharePct(f.Number("aum"), f.Number("high30d")))}（减少{W.Money(f.Number("drop"))}）：请致电了解原因。",
        TriggerTypes.LargeInflow =>
            $"{f.Text("accountId")}转入{W.Money(f.Number("amount"))}，达到{W.Tier(f.Text("tier"))}大额流入门槛{W.Money(f.Number("threshold"))}：请为新资金推荐合适的产品。",
        TriggerTypes.ActivitySpike =>
            $"{f.Whole("windowMinutes")}分钟内发生{f.Whole("debits")}笔支出，最近一笔{W.Money(f.Number("amount"))}来自{f.Text("accountId")}：请立即与客户核实，排查欺诈或资金困难。",
        _ => throw Unknown(type),
    };

    private static string Holding(Facts f) =>
        $"{f.Text("productId")}市值{W.Money(f.Number("value"))}，成本{W.Money(f.Number("cost"))}（{W.Percent(ReturnPct(f.Number("value"), f.Number("cost")))}）";
}
