using System.Diagnostics.Metrics;
using Engagement.Advisors;
using Engagement.Customers;
using Engagement.Events;
using Engagement.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.UnitTests.Telemetry;

/// <summary>The engine's instruments: SPEC's event type names, reason codes without input-made detail.</summary>
public sealed class EngineMetricsTests
{
    [Theory]
    [InlineData("invalid_json", "invalid_json")]
    [InlineData("missing_field:balanceAfter", "missing_field")]
    [InlineData("duplicate_field:anything-a-sender-makes-up", "duplicate_field")]
    [InlineData("internal_error:InvalidOperationException", "internal_error")]
    public void A_reason_is_tagged_by_its_code(string reason, string code) => Assert.Equal(code, EngineMetrics.ReasonCode(reason));

    [Fact]
    public void An_event_is_tagged_by_its_spec_type_not_its_base_records()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.Equal("customer.registered", EngineMetrics.TypeOf(new CustomerRegistered
        {
            EventId = "e1", CustomerId = "C1", OccurredAt = at, Name = "N", JoinedAt = DateOnly.FromDateTime(at.UtcDateTime),
        }));
        Assert.Equal("product.nav_updated", EngineMetrics.TypeOf(new NavUpdated("e2", "F-1", 1.05m, at, at)));
    }

    [Fact]
    public void Counts_reach_a_listener_with_their_tags()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var metrics = new EngineMetrics(meters);
        var seen = new List<(string Instrument, long Value, string Tag)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this factory's meter: other tests' engines publish on the same name.
            if (instrument.Meter.Name == EngineTelemetryNames.Meter && instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            seen.Add((instrument.Name, value, tags.Length > 0 ? $"{tags[0].Key}={tags[0].Value}" : "")));
        listener.Start();

        metrics.DeadLettered("out_of_range:amount");
        metrics.TriggerFired("deposit.maturing");
        metrics.StreamConnections(+1);
        metrics.StreamConnections(-1);

        Assert.Equal(
            [("engine.dead_letters", 1L, "reason=out_of_range"), ("engine.triggers.fired", 1L, "type=deposit.maturing"),
             ("engine.stream.connections", 1L, ""), ("engine.stream.connections", -1L, "")],
            seen);
    }

    [Fact]
    public void The_conversion_gauges_show_the_latest_table_by_type_and_tier_and_nothing_before_the_first()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var readings = new Readings();
        _ = new EngineMetrics(meters, conversions: readings);
        var seen = new List<(string Instrument, double Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EngineTelemetryNames.Meter && instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => seen.Add((instrument.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => seen.Add((instrument.Name, value, Tags(tags))));
        listener.Start();

        listener.RecordObservableInstruments();
        Assert.Empty(seen);

        var day = new DateOnly(2026, 7, 1);
        readings.Latest = new ConversionTable(day.AddDays(-89), day,
            [new ConversionRate("customer.birthday", Tier.Private, 3, 1, 0.3333m), new ConversionRate("deposit.matured", Tier.Wealth, 2, 0, 0m)]);
        listener.RecordObservableInstruments();

        Assert.Equal(
            [("engine.triggers.conversion", 0.3333, "type=customer.birthday,tier=private"), ("engine.triggers.conversion", 0, "type=deposit.matured,tier=wealth"),
             ("engine.triggers.closed.90d", 3, "type=customer.birthday,tier=private"), ("engine.triggers.closed.90d", 2, "type=deposit.matured,tier=wealth"),
             ("engine.triggers.won.90d", 1, "type=customer.birthday,tier=private"), ("engine.triggers.won.90d", 0, "type=deposit.matured,tier=wealth")],
            seen);
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags) => string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));

    private sealed class Readings : IConversionReadings
    {
        public ConversionTable? Latest { get; set; }
    }
}
