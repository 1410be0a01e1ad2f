using Engagement.Rules.Triggers;
using Engagement.State;
using Engagement.Triggers;
using Engagement.UnitTests.Rules.Triggers.Explanations;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary>The advisor's daily cap: the 41st info or normal trigger of a day goes to the digest, high ones always go
/// live, the next day starts afresh, and a trigger's decision never changes.</summary>
public sealed class WorkloadTests
{
    private static readonly DateTimeOffset Morning = new(2026, 4, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly TriggerSettings _settings = new();
    private readonly CustomerState _customer = new() { Exists = true, Profile = { AdvisorId = "A7" } };
    private readonly AdvisorShardState[] _inbox = Enumerable.Range(0, AdvisorInbox.Shards).Select(_ => new AdvisorShardState()).ToArray();
    private long _lastSequence;

    [Fact]
    public void The_40th_normal_trigger_goes_live_the_41st_to_the_digest_and_a_high_one_after_still_live()
    {
        var normal = Enumerable.Range(1, 41).Select(i => Fire(TriggerTypes.DepositMaturing, $"TD-{i}", Morning.AddMinutes(i))).ToList();
        var taken = normal.Select(Take).ToList();
        var high = Take(Fire(TriggerTypes.DepositMatured, "TD-1", Morning.AddHours(2)));

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
            .Select((type, i) => Take(Fire(type, $"S-{i}", Morning.AddMinutes(i)))).ToList();

        Assert.Equal([false, false, true], taken.Select(t => t.Trigger.Digest));
    }

    [Fact]
    public void The_next_day_starts_afresh()
    {
        _settings.AdvisorDailyCap = 1;
        var first = Take(Fire(TriggerTypes.DepositMaturing, "TD-1", Morning));
        var second = Take(Fire(TriggerTypes.DepositMaturing, "TD-2", Morning.AddHours(22)));
        var nextDay = Take(Fire(TriggerTypes.DepositMaturing, "TD-3", Morning.AddHours(23)));

        Assert.Equal([false, true, false], new[] { first, second, nextDay }.Select(t => t.Trigger.Digest));
    }

    [Fact]
    public void The_day_is_the_engines_time_zone_day()
    {
        _settings.AdvisorDailyCap = 1;
        _settings.TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        // 15:00 and 17:00 UTC fall on 1 April and 2 April in Shanghai (UTC+8).
        var late = Take(Fire(TriggerTypes.DepositMaturing, "TD-1", new DateTimeOffset(2026, 4, 1, 15, 0, 0, TimeSpan.Zero)));
        var afterMidnight = Take(Fire(TriggerTypes.DepositMaturing, "TD-2", new DateTimeOffset(2026, 4, 1, 17, 0, 0, TimeSpan.Zero)));

        Assert.Equal([false, false], new[] { late, afterMidnight }.Select(t => t.Trigger.Digest));
        Assert.Equal(1, AdvisorInbox.PushedLive(_inbox, new DateOnly(2026, 4, 2)));
    }

    [Fact]
    public void A_redelivery_or_a_later_version_keeps_the_decision()
    {
        _settings.AdvisorDailyCap = 1;
        var live = Fire(TriggerTypes.DepositMaturing, "TD-1", Morning);
        var held = Fire(TriggerTypes.DepositMaturing, "TD-2", Morning.AddMinutes(1));
        Take(live);
        Take(held);

        var liveAgain = Take(live);
        var heldAgain = Take(held);
        var heldAcknowledged = Take(TriggerFiring.RecordOutcome(_customer, held.TriggerId,
            new TriggerOutcome(OutcomeKind.Acknowledged, null, null, Morning.AddHours(1)), _settings)!);

        Assert.Equal((false, null), (liveAgain.Trigger.Digest, liveAgain.Change));
        Assert.Equal((true, null), (heldAgain.Trigger.Digest, heldAgain.Change));
        Assert.True(heldAcknowledged.Trigger.Digest);
        Assert.NotNull(heldAcknowledged.Change);
        Assert.Equal(1, AdvisorInbox.PushedLive(_inbox, new DateOnly(2026, 4, 1)));
        Assert.Equal([held.TriggerId], AdvisorInbox.Digest(_inbox, new DateOnly(2026, 4, 1), Workload.Of(_settings)).Select(t => t.TriggerId));
    }

    private Taken Take(Trigger trigger)
    {
        var taken = AdvisorInbox.Take(_inbox, trigger, _lastSequence, Workload.Of(_settings));
        _lastSequence = taken.Change?.Sequence ?? _lastSequence;
        return taken;
    }

    private Trigger Fire(string type, string subject, DateTimeOffset at) =>
        TriggerFiring.Fire(_customer, Customer, new TriggerCandidate(type, subject, at, null, SampleFacts.For(type), []), at, at, _settings)
        ?? throw new InvalidOperationException($"{type} {subject} did not fire");
}
