using Engagement.Advisors;
using Engagement.Customers;
using Engagement.Rules.Triggers;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary>Conversion per type and tier: counted once when a trigger closes, on the day of its outcome, over the 90 days
/// up to the day asked for, the older days dropped.</summary>
public sealed partial class AdvisorInboxTests
{
    private static readonly DateOnly Today = new(2026, 7, 1);
    private static readonly DateTimeOffset Noon = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_window_holds_the_day_asked_for_and_the_89_before_it()
    {
        // Closed on day 1 (today), day 90 and day 91 of the window, and the day after it.
        foreach (var (daysBack, i) in new[] { 0, 89, 90, -1 }.Select((d, i) => (d, i)))
        {
            Take(Close(Fire(TriggerTypes.DepositMatured, $"TD-{i}", Noon.AddDays(-100)), OutcomeKind.Won, Noon.AddDays(-daysBack)));
        }

        Assert.Equal(Today.AddDays(-89), Conversion.From(Today));
        Assert.Equal([new ConversionRate(TriggerTypes.DepositMatured, Tier.Standard, 2, 2, 1m)], Conversion.Over(_inbox, Today));
        Assert.Equal([new ConversionRate(TriggerTypes.DepositMatured, Tier.Standard, 1, 1, 1m)], Conversion.Over(_inbox, Today.AddDays(-90)));
    }

    [Fact]
    public void Conversion_is_won_over_closed_per_type_and_tier_and_a_repeated_or_later_closing_counts_once()
    {
        OutcomeKind[] outcomes = [OutcomeKind.Won, OutcomeKind.Lost, OutcomeKind.Reached, OutcomeKind.Unreached, OutcomeKind.Opportunity,
            OutcomeKind.Dismissed];
        foreach (var (outcome, i) in outcomes.Select((o, i) => (o, i)))
        {
            var fired = Fire(TriggerTypes.DepositMatured, $"TD-{i}", Noon);
            var acknowledged = Close(fired, OutcomeKind.Acknowledged, Noon.AddHours(1));
            var closed = Close(acknowledged, outcome, Noon.AddHours(2));
            foreach (var version in new[] { fired, acknowledged, closed, closed, acknowledged, closed with { Version = closed.Version + 1 } })
            {
                Take(version);
            }
        }
        _customer.Tier.Current = Tier.Wealth;
        Take(Close(Fire(TriggerTypes.DepositMatured, "TD-w", Noon), OutcomeKind.Won, Noon.AddHours(1)));
        Take(Close(Fire(TriggerTypes.Birthday, "2026", Noon), OutcomeKind.Lost, Noon.AddHours(1)));
        var expired = Fire(TriggerTypes.DepositMatured, "TD-x", Noon);
        Take(expired);
        Take(expired with { Status = TriggerStatus.Expired, Version = 2 });

        Assert.Equal(
            [new ConversionRate(TriggerTypes.Birthday, Tier.Wealth, 1, 0, 0m), new ConversionRate(TriggerTypes.DepositMatured, Tier.Standard, 6, 1, 0.1667m),
             new ConversionRate(TriggerTypes.DepositMatured, Tier.Wealth, 1, 1, 1m)],
            Conversion.Over(_inbox, Today));
    }

    [Fact]
    public void A_trigger_counts_on_the_day_of_its_outcome_in_the_engines_time_zone()
    {
        _settings.TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var fired = Fire(TriggerTypes.DepositMatured, "TD-1", Noon.AddDays(-30));
        // 16:30 UTC on 30 June is 00:30 on 1 July in Shanghai (UTC+8).
        Take(Close(fired, OutcomeKind.Won, new DateTimeOffset(2026, 6, 30, 16, 30, 0, TimeSpan.Zero)));

        Assert.Single(Conversion.Over(_inbox, Today));
        Assert.Empty(Conversion.Over(_inbox, Today.AddDays(-1)));
        Assert.Empty(Conversion.Over(_inbox, Today.AddDays(Conversion.WindowDays)));
        Assert.Single(Conversion.Over(_inbox, Today.AddDays(Conversion.WindowDays - 1)));
    }

    [Fact]
    public void Days_before_the_window_and_its_margin_are_dropped_when_a_later_closing_is_counted()
    {
        var kept = Conversion.WindowDays - 1 + Conversion.MarginDays;
        Take(Close(Fire(TriggerTypes.DepositMatured, "TD-old", Noon.AddDays(-200)), OutcomeKind.Won, Noon.AddDays(-kept - 1)));
        Take(Close(Fire(TriggerTypes.DepositMatured, "TD-kept", Noon.AddDays(-200)), OutcomeKind.Won, Noon.AddDays(-kept)));
        var shard = _inbox[AdvisorInbox.ShardOf(Customer)];
        Assert.Equal(2, shard.Conversions.Count);

        Take(Close(Fire(TriggerTypes.DepositMatured, "TD-new", Noon.AddDays(-200)), OutcomeKind.Lost, Noon));

        Assert.Equal([Today.AddDays(-kept), Today], shard.Conversions.Keys.Select(k => k.Day).Order());
        Assert.Equal([new ConversionRate(TriggerTypes.DepositMatured, Tier.Standard, 1, 0, 0m)], Conversion.Over(_inbox, Today));
    }

    [Fact]
    public void A_trigger_closed_long_after_it_fired_stays_known_so_its_closing_again_counts_once()
    {
        var old = Fire(TriggerTypes.DepositMatured, "TD-old", Noon.AddDays(-20));
        Take(old);
        var newer = Enumerable.Range(0, AdvisorInbox.ClosedKeptPerShard)
            .Select(i => Close(Fire(TriggerTypes.DepositMaturing, $"TD-{i}", Noon.AddMinutes(i)), OutcomeKind.Lost, Noon.AddHours(1)))
            .ToList();
        newer.ForEach(t => Take(t));
        var closed = Close(old, OutcomeKind.Won, Noon.AddHours(2));

        Assert.NotNull(Take(closed));
        Assert.Null(Take(closed));

        Assert.Equal(1, AdvisorInbox.Metrics(_inbox).Single(m => m.Type == TriggerTypes.DepositMatured).Closed);
        Assert.Equal(new ConversionRate(TriggerTypes.DepositMatured, Tier.Standard, 1, 1, 1m),
            Conversion.Table(Conversion.Over(_inbox, Today), Today).Rate(TriggerTypes.DepositMatured, Tier.Standard));
    }

    [Fact]
    public void The_table_adds_up_every_advisor_and_answers_none_closed_for_a_type_and_tier_without_closings()
    {
        ConversionRate[] advisors =
        [
            new(TriggerTypes.Birthday, Tier.Wealth, 2, 1, 0.5m), new(TriggerTypes.Birthday, Tier.Standard, 1, 1, 1m),
            new(TriggerTypes.Birthday, Tier.Wealth, 1, 0, 0m), new(TriggerTypes.Anniversary, Tier.Private, 3, 2, 0.6667m),
        ];

        var table = Conversion.Table(advisors, Today);

        Assert.Equal((Today.AddDays(-89), Today), (table.From, table.Through));
        Assert.Equal(
            [new ConversionRate(TriggerTypes.Anniversary, Tier.Private, 3, 2, 0.6667m), new ConversionRate(TriggerTypes.Birthday, Tier.Standard, 1, 1, 1m),
             new ConversionRate(TriggerTypes.Birthday, Tier.Wealth, 3, 1, 0.3333m)],
            table.Rates);
        Assert.Equal(new ConversionRate(TriggerTypes.Birthday, Tier.Private, 0, 0, null), table.Rate(TriggerTypes.Birthday, Tier.Private));
    }
}
