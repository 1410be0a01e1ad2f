using Engagement.Rules.Triggers;
using Engagement.Triggers;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary>The advisor's daily cap: the 41st info or normal trigger of a day goes to the digest, high ones always go
/// live, the next day starts afresh, and a trigger's decision never changes.</summary>
public sealed partial class AdvisorInboxTests
{
    private static readonly DateTimeOffset Morning = new(2026, 4, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_40th_normal_trigger_goes_live_the_41st_to_the_digest_and_a_high_one_after_still_live()
    {
        var normal = Enumerable.Range(1, 41).Select(i => Fire(TriggerTypes.DepositMaturing, $"TD-{i}", Morning.AddMinutes(i))).ToList();
        var taken = normal.Select(Deliver).ToList();
        var high = Deliver(Fire(TriggerTypes.DepositMatured, "TD-1", Morning.AddHours(2)));

        Assert.All(taken.Take(40), t => Assert.False(t.Trigger.Digest));
        Assert.True(taken[40].Trigger.Digest);
        Assert.False(high.Trigger.Digest);
        Assert.Equal(40, AdvisorInbox.PushedLive(_inbox, new DateOnly(2026, 4, 1)));
        Assert.Equal([normal[40].TriggerId], AdvisorInbox.Digest(_inbox, new DateOnly(2026, 4, 1), Workload.Of(_settings)).Select(t => t.TriggerId));
        Assert.DoesNotContain(AdvisorInbox.ChangesSince(_inbox, 0), c => c.Trigger.TriggerId == normal[40].TriggerId);
        Assert.Equal(41, AdvisorInbox.ChangesSince(_inbox, 0).Count);
    }

    [Fact]
    public void Info_counts_against_the_cap_like_normal()
    {
        _settings.AdvisorDailyCap = 2;
        var taken = new[] { TriggerTypes.Dividend, TriggerTypes.DepositMaturing, TriggerTypes.Dividend }
            .Select((type, i) => Deliver(Fire(type, $"S-{i}", Morning.AddMinutes(i)))).ToList();

        Assert.Equal([false, false, true], taken.Select(t => t.Trigger.Digest));
    }

    [Fact]
    public void The_next_day_starts_afresh()
    {
        _settings.AdvisorDailyCap = 1;
        var first = Deliver(Fire(TriggerTypes.DepositMaturing, "TD-1", Morning));
        var second = Deliver(Fire(TriggerTypes.DepositMaturing, "TD-2", Morning.AddHours(22)));
        var nextDay = Deliver(Fire(TriggerTypes.DepositMaturing, "TD-3", Morning.AddHours(23)));

        Assert.Equal([false, true, false], new[] { first, second, nextDay }.Select(t => t.Trigger.Digest));
    }

    [Fact]
    public void The_day_is_the_engines_time_zone_day()
    {
        _settings.AdvisorDailyCap = 1;
        _settings.TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        // 15:00 and 17:00 UTC fall on 1 April and 2 April in Shanghai (UTC+8).
        var late = Deliver(Fire(TriggerTypes.DepositMaturing, "TD-1", new DateTimeOffset(2026, 4, 1, 15, 0, 0, TimeSpan.Zero)));
        var afterMidnight = Deliver(Fire(TriggerTypes.DepositMaturing, "TD-2", new DateTimeOffset(2026, 4, 1, 17, 0, 0, TimeSpan.Zero)));

        Assert.Equal([false, false], new[] { late, afterMidnight }.Select(t => t.Trigger.Digest));
        Assert.Equal(1, AdvisorInbox.PushedLive(_inbox, new DateOnly(2026, 4, 2)));
    }

    [Fact]
    public void A_redelivery_or_a_later_version_keeps_the_decision()
    {
        _settings.AdvisorDailyCap = 1;
        var live = Fire(TriggerTypes.DepositMaturing, "TD-1", Morning);
        var held = Fire(TriggerTypes.DepositMaturing, "TD-2", Morning.AddMinutes(1));
        Deliver(live);
        Deliver(held);

        var liveAgain = Deliver(live);
        var heldAgain = Deliver(held);
        var heldAcknowledged = Deliver(TriggerFiring.RecordOutcome(_customer, held.TriggerId,
            new TriggerOutcome(OutcomeKind.Acknowledged, null, null, Morning.AddHours(1)), _settings)!);

        Assert.Equal((false, null), (liveAgain.Trigger.Digest, liveAgain.Change));
        Assert.Equal((true, null), (heldAgain.Trigger.Digest, heldAgain.Change));
        Assert.True(heldAcknowledged.Trigger.Digest);
        Assert.NotNull(heldAcknowledged.Change);
        Assert.Equal(1, AdvisorInbox.PushedLive(_inbox, new DateOnly(2026, 4, 1)));
        Assert.Equal([held.TriggerId], AdvisorInbox.Digest(_inbox, new DateOnly(2026, 4, 1), Workload.Of(_settings)).Select(t => t.TriggerId));
    }
}
