using Engagement.Events;
using Engagement.Rules.Triggers;
using Engagement.Triggers;
using static Engagement.UnitTests.Rules.Events;

namespace Engagement.UnitTests.Rules.Triggers;

/// <summary><c>movement.activity_spike</c>: ten debits within 60 minutes.</summary>
public sealed class ActivitySpikeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TriggerHarness _kit = new();

    [Fact]
    public void Nine_debits_fire_nothing_and_the_tenth_fires_the_spike()
    {
        Assert.Empty(_kit.Burst("b", T0, 9));
        var trigger = Assert.Single(_kit.Apply(Debit("tenth", T0.AddMinutes(9), "CC-1", 100m, null, TransactionKind.CardPurchase)));

        Assert.Equal(TriggerTypes.ActivitySpike, trigger.Type);
        Assert.Equal(Severity.Urgent, trigger.Severity);
        Assert.Equal("spike", trigger.Subject);
        Assert.Equal(["tenth"], trigger.SourceEventIds);
        Assert.Equal("""{"debits":10,"windowMinutes":60,"accountId":"CC-1","amount":100}""", trigger.Facts.Json);
        Assert.Equal("10 debits within 60 minutes, the latest 100.00 from CC-1: check with the customer at once for fraud or distress.",
            trigger.Explanation);
    }

    // Nine debits in the first 8 minutes; the tenth counts with the first only while it is less than 60 minutes later.
    [Theory]
    [InlineData(3599, true)]
    [InlineData(3600, false)]
    public void The_ten_debits_must_fall_within_60_minutes(int secondsAfterFirst, bool fires)
    {
        _kit.Burst("b", T0, 9);
        var fired = _kit.Apply(Debit("tenth", T0.AddSeconds(secondsAfterFirst), "CC-1", 100m, null, TransactionKind.CardPurchase));
        Assert.Equal(TriggerHarness.FiredIf(fires, TriggerTypes.ActivitySpike), TriggerHarness.Types(fired));
    }

    [Fact]
    public void Credits_do_not_count_towards_a_spike()
    {
        _kit.Burst("b", T0, 9);
        Assert.Empty(_kit.Apply(Credit("refund", T0.AddMinutes(9), "CC-1", 100m, null, TransactionKind.CardRepayment)));
        Assert.Equal([TriggerTypes.ActivitySpike],
            TriggerHarness.Types(_kit.Apply(Debit("tenth", T0.AddMinutes(10), "CC-1", 100m, null, TransactionKind.CardPurchase))));
    }
}
