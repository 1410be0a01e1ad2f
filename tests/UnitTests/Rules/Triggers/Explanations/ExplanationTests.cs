using Engagement.Rules.Triggers;
using Engagement.Rules.Triggers.Explanations;
using Engagement.Triggers;

namespace Engagement.UnitTests.Rules.Triggers.Explanations;

/// <summary>Every trigger type's explanation in English and Chinese, from its facts alone, to the character.</summary>
public sealed class ExplanationTests
{
    private static readonly RuleCalendar Utc = new(TimeZoneInfo.Utc);

    public static TheoryData<string, string, string> Sentences => new()
    {
        { "deposit.maturing",
            "Term deposit TD-1 of 500,000.00 matures on 2026-12-01, in 7 days: offer a renewal or another product before the funds move.",
            "定期存款TD-1（500,000.00元）将于2026年12月1日到期，还有7天：请在资金流出前推荐续存或其他产品。" },
        { "deposit.matured",
            "Term deposit TD-1 matured on 2026-04-01 paying 500,000.00: call now, before the funds move elsewhere.",
            "定期存款TD-1已于2026年4月1日到期，到期金额500,000.00元：请立即致电，以免资金流向他处。" },
        { "payment.due",
            "A payment of 3,210.50 on L-1 is due on 2026-04-04, in 3 days: remind the customer to keep funds available.",
            "L-1有一笔3,210.50元的还款将于2026年4月4日到期，还有3天：请提醒客户备足资金。" },
        { "payment.overdue",
            "Payment of 3,210.50 on L-1 is 5 days overdue: contact the customer to arrange repayment.",
            "L-1的3,210.50元还款已逾期5天：请联系客户安排还款。" },
        { "investment.take_profit",
            "F-1 is worth 1,100.00 against a cost of 1,000.00 (10.0 %), at or above the 110 % take-profit line: discuss taking profit.",
            "F-1市值1,100.00元，成本1,000.00元（10.0%），已达到110%止盈线：请与客户商讨止盈。" },
        { "investment.stop_loss",
            "F-1 is worth 850.00 against a cost of 1,000.00 (-15.0 %), at or below the 90 % stop-loss line: review the holding with the customer.",
            "F-1市值850.00元，成本1,000.00元（-15.0%），已触及90%止损线：请与客户检视该持仓。" },
        { "investment.dividend",
            "F-1 paid a dividend of 1,250.00: tell the customer and suggest how to reinvest it.",
            "F-1派发分红1,250.00元：请告知客户并建议再投资方式。" },
        { "investment.follow_up",
            "The customer bought 100,000.00 of F-1 on 2026-04-01, 14 days ago: make the after-sales call.",
            "客户于2026年4月1日购买F-1共100,000.00元，已满14天：请进行售后回访。" },
        { "customer.onboarding",
            "New customer registered on 2026-04-01: make the welcome call and complete the needs review.",
            "新客户于2026年4月1日登记：请致电欢迎并完成需求评估。" },
        { "customer.birthday",
            "The customer's birthday is on 2026-04-02, tomorrow: send greetings.",
            "客户生日是2026年4月2日，明天：请送上生日祝福。" },
        { "customer.anniversary",
            "Today is the customer's 6th anniversary with the bank (joined 2020-03-15): thank them for their loyalty.",
            "今天是客户与本行结缘6周年（2020年3月15日加入）：请感谢客户的长期支持。" },
        { "tier.upgraded",
            "AUM of 520,000.00 reached the wealth threshold of 500,000.00: welcome the customer to wealth service.",
            "资产规模520,000.00元已达到财富级门槛500,000.00元：请欢迎客户享受财富级服务。" },
        { "tier.downgrade_risk",
            "AUM of 480,000.00 fell below the wealth threshold of 500,000.00: the tier is kept until 2026-05-01, so contact the customer to retain the assets.",
            "资产规模480,000.00元已低于财富级门槛500,000.00元：等级保留至2026年5月1日，请联系客户挽留资产。" },
        { "tier.downgraded",
            "AUM stayed below the wealth threshold of 500,000.00 through the 30-day grace period (now 480,000.00): the customer is now standard; explain the change and what would restore the tier.",
            "资产规模在30天宽限期内始终低于财富级门槛500,000.00元（现为480,000.00元）：客户已降为普通级，请说明变化及恢复等级的条件。" },
        { "lifecycle.decline/inactive",
            "No customer-initiated transaction since 2026-04-01 (90 days or more), so the customer is in decline (衰弱期): call to learn why and win them back.",
            "自2026年4月1日起无客户主动交易（90天或以上），客户进入衰弱期：请致电了解原因并挽回客户。" },
        { "lifecycle.decline/aum",
            "AUM moved -25.0 % over 90 days (from 100,000.00 to 75,000.00), so the customer is in decline (衰弱期): call to learn why and win them back.",
            "资产规模90天内变动-25.0%（由100,000.00元变为75,000.00元），客户进入衰弱期：请致电了解原因并挽回客户。" },
        { "lifecycle.dormant",
            "No customer-initiated transaction for 90 days (last activity 2026-04-01): reach out to reactivate the customer.",
            "客户已90天无主动交易（最近活动2026年4月1日）：请主动联系，激活客户。" },
        { "review.due",
            "No recorded contact with this private customer for 30 days (since 2026-04-01): schedule the periodic review.",
            "已30天未与这位钻私级客户联络（自2026年4月1日起）：请安排定期回顾。" },
        { "points.expiring",
            "1,200 of the customer's 15,300 loyalty points expire after 2028-04-30, in 30 days: remind the customer to redeem them.",
            "客户15,300积分中有1,200积分将于2028年4月30日后过期（还有30天）：请提醒客户及时兑换。" },
        { "movement.large_outflow/tier",
            "A debit of 60,000.00 from S-1 is at or above the standard large-outflow threshold of 50,000.00: check the customer's intent before funds leave.",
            "S-1支出60,000.00元，达到普通级大额流出门槛50,000.00元：请在资金流出前确认客户意图。" },
        { "movement.large_outflow/mean",
            "A debit of 20,000.00 from S-1 is at least 10 times the 90-day mean debit of 1,500.25: check the customer's intent before funds leave.",
            "S-1支出20,000.00元，至少为近90天平均支出1,500.25元的10倍：请在资金流出前确认客户意图。" },
        { "movement.external_transfer",
            "A transfer of 60,000.00 from S-1 to another bank (OTHERBANK) is at or above 50,000.00: call to understand the move and retain the funds.",
            "S-1向他行（OTHERBANK）转出60,000.00元，达到50,000.00元：请致电了解资金去向并挽留资金。" },
        { "movement.balance_drop",
            "AUM fell to 280,000.00, 70.0 % of its 30-day high of 400,000.00 (120,000.00 lower): call to understand the drop.",
            "资产规模降至280,000.00元，为近30天高点400,000.00元的70.0%（减少120,000.00元）：请致电了解原因。" },
        { "movement.large_inflow",
            "A credit of 150,000.00 to S-1 is at or above the standard large-inflow threshold of 100,000.00: offer suitable products for the new funds.",
            "S-1转入150,000.00元，达到普通级大额流入门槛100,000.00元：请为新资金推荐合适的产品。" },
        { "movement.activity_spike",
            "10 debits within 60 minutes, the latest 99.90 from S-1: check with the customer at once for fraud or distress.",
            "60分钟内发生10笔支出，最近一笔99.90元来自S-1：请立即与客户核实，排查欺诈或资金困难。" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Each_type_reads_the_same_facts_in_English_and_Chinese(string @case, string english, string chinese)
    {
        var (type, facts) = SampleFacts.Cases[@case];
        Assert.Equal(english, Explanation.Of(Language.En, Utc, type, facts));
        Assert.Equal(chinese, Explanation.Of(Language.ZhCn, Utc, type, facts));
    }

    [Fact]
    public void Every_type_of_the_catalogue_has_a_sentence_in_both_languages()
    {
        var covered = Sentences.Select(row => SampleFacts.Cases[(string)row[0]].Type).ToHashSet();
        Assert.Equal(TriggerTypes.Catalogue.Keys.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0, "today", "今天")]
    [InlineData(1, "tomorrow", "明天")]
    [InlineData(5, "in 5 days", "还有5天")]
    public void Days_ahead_read_naturally_in_both_languages(int days, string english, string chinese)
    {
        Assert.Equal(english, Wording.In(days));
        Assert.Equal(chinese, ChineseWording.In(days));
    }

    [Fact]
    public void A_private_external_transfer_without_a_bank_id_and_Chinese_tier_names()
    {
        var facts = TriggerFacts.Of(("accountId", "S-1"), ("amount", 1_000_000m), ("bankId", null), ("threshold", 50_000m));
        Assert.Equal("A transfer of 1,000,000.00 from S-1 to another bank is at or above 50,000.00: call to understand the move and retain the funds.",
            Explanation.Of(Language.En, Utc, TriggerTypes.ExternalTransfer, facts));
        Assert.Equal("S-1向他行转出1,000,000.00元，达到50,000.00元：请致电了解资金去向并挽留资金。",
            Explanation.Of(Language.ZhCn, Utc, TriggerTypes.ExternalTransfer, facts));
        Assert.Equal(["普通级", "财富级", "钻私级"], new[] { "standard", "wealth", "private" }.Select(ChineseWording.Tier));
    }

    [Fact]
    public void An_unknown_type_is_an_error_not_an_empty_sentence()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Explanation.Of(Language.ZhCn, Utc, "no.such_type", TriggerFacts.Empty));
    }
}
