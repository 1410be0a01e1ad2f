using Engagement.UnitTests.Rules.Triggers.Explanations;
using Engagement.Rules.Triggers;
using Engagement.State;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary>No repeat of a type and subject while one is open, nor within the type's cooldown.</summary>
public sealed class DedupeAndCooldownTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TriggerSettings _settings = new();
    private readonly CustomerState _state = new() { Exists = true, Profile = { AdvisorId = "A7" } };

    // Closed an hour after firing: no repeat until the cooldown, counted from the firing, is over.
    [Theory]
    [InlineData(TriggerTypes.ActivitySpike, 7)]
    [InlineData(TriggerTypes.TakeProfit, 7)]
    [InlineData(TriggerTypes.Birthday, 7)]
    [InlineData(TriggerTypes.BalanceDrop, 30)]
    public void A_closed_trigger_does_not_repeat_within_the_cooldown(string type, int cooldownDays)
    {
        var first = Fire(type, "s", T0)!;
        Assert.NotNull(TriggerFiring.RecordOutcome(_state, first.TriggerId, Outcome(OutcomeKind.Reached, T0.AddHours(1)), _settings));

        Assert.Null(Fire(type, "s", T0.AddDays(1)));
        Assert.Null(Fire(type, "s", T0.AddDays(cooldownDays).AddTicks(-1)));
        var again = Fire(type, "s", T0.AddDays(cooldownDays));
        Assert.NotNull(again);
        Assert.NotEqual(first.TriggerId, again.TriggerId);
    }

    [Fact]
    public void The_cooldown_counts_from_the_firing_not_from_the_closing()
    {
        var first = Fire(TriggerTypes.ActivitySpike, "spike", T0)!;
        TriggerFiring.RecordOutcome(_state, first.TriggerId, Outcome(OutcomeKind.Unreached, T0.AddDays(6)), _settings);
        Assert.NotNull(Fire(TriggerTypes.ActivitySpike, "spike", T0.AddDays(7)));
    }

    [Fact]
    public void An_open_or_acknowledged_trigger_blocks_a_repeat_past_the_cooldown_until_it_expires()
    {
        var first = Fire(TriggerTypes.ActivitySpike, "spike", T0)!;
        Assert.Null(Fire(TriggerTypes.ActivitySpike, "spike", T0.AddDays(8)));
        TriggerFiring.RecordOutcome(_state, first.TriggerId, Outcome(OutcomeKind.Acknowledged, T0.AddDays(8)), _settings);
        Assert.Null(Fire(TriggerTypes.ActivitySpike, "spike", T0.AddDays(14).AddTicks(-1)));

        Assert.Equal(1, TriggerFiring.Expire(_state, T0.AddDays(14), _settings));
        Assert.NotNull(Fire(TriggerTypes.ActivitySpike, "spike", T0.AddDays(14)));
    }

    [Fact]
    public void Another_subject_or_another_type_is_not_deduped()
    {
        Fire(TriggerTypes.TakeProfit, "F-1", T0);
        Assert.NotNull(Fire(TriggerTypes.TakeProfit, "F-2", T0));
        Assert.NotNull(Fire(TriggerTypes.StopLoss, "F-1", T0));
        Assert.Null(Fire(TriggerTypes.TakeProfit, "F-1", T0));
    }

    [Fact]
    public void A_suppressed_trigger_is_not_open_but_still_holds_the_cooldown()
    {
        _state.Profile.DoNotContact = true;
        Assert.Equal(TriggerStatus.Suppressed, Fire(TriggerTypes.Dividend, "s", T0)!.Status);
        Assert.Null(Fire(TriggerTypes.Dividend, "s", T0.AddDays(7).AddTicks(-1)));
        Assert.Equal(TriggerStatus.Suppressed, Fire(TriggerTypes.Dividend, "s", T0.AddDays(7))!.Status);
    }

    // Through the rules: a spike stays deduped while open, then for 7 days after it fired (the tenth debit, T0 + 9 min).
    [Fact]
    public void A_spike_repeats_only_after_it_was_closed_and_its_cooldown_ran_out()
    {
        var kit = new TriggerHarness();
        var spike = Assert.Single(kit.Burst("a", T0, 10));
        Assert.Empty(kit.Burst("b", T0.AddMinutes(10), 1));
        Assert.NotNull(kit.Outcome(spike, OutcomeKind.Reached, T0.AddHours(1)));

        Assert.Empty(kit.Burst("c", T0.AddDays(1), 10));
        Assert.Empty(kit.Burst("d", T0.AddDays(7).AddSeconds(-1), 10));
        var again = Assert.Single(kit.Burst("e", T0.AddDays(7).AddMinutes(10).AddSeconds(-1), 1));
        Assert.Equal(TriggerTypes.ActivitySpike, again.Type);
    }

    private Trigger? Fire(string type, string subject, DateTimeOffset at) =>
        TriggerFiring.Fire(_state, Customer, new TriggerCandidate(type, subject, at, null, SampleFacts.For(type), []), at, at, _settings);

    private static TriggerOutcome Outcome(OutcomeKind kind, DateTimeOffset at) => new(kind, null, null, at);
}
