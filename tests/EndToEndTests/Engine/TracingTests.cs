using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Engagement.Api.Apis;
using Engagement.Api.Auth;
using Engagement.Customers;
using Engagement.EndToEndTests.Support;
using Engagement.Telemetry;
using OpenTelemetry.Trace;

namespace Engagement.EndToEndTests.Engine;

/// <summary>A record's W3C trace context goes on through its apply to the trigger it fires, on eng.triggers and live.</summary>
[Collection(EngineCollection.Name)]
public sealed class TracingTests(EngineFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task An_events_traceparent_parents_its_apply_and_travels_with_the_trigger_it_fires()
    {
        var spans = new List<Activity>();
        var settings = fixture.EngineSettings($"tracing-{_run}");
        settings["Telemetry:Traces"] = "true";
        await using var engine = await TestEngine.StartAsync(settings,
            services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        using var producer = new TestProducer(fixture.BootstrapServers);
        using var triggersTopic = new TopicReader(fixture.BootstrapServers, "eng.triggers", fromNow: true);
        var (c, advisor, at) = ($"TR-{_run}", $"TA-{_run}", DateTimeOffset.UtcNow);
        await using var live = await SseClient.ConnectAsync(engine.Http, $"/api/advisors/{advisor}/triggers/stream", engine.Token(Roles.Advisor, advisor));
        await producer.SendAsync("cb.customers", c, Json.Registered($"{c}-1", c, at, advisor));
        await producer.SendAsync("cb.accounts", c, Json.Opened($"{c}-2", c, at, "S-1", "savings", 100_000m));
        await engine.CustomerAfterAsync(c, 2);

        var (traceId, parentId) = (ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom());
        var traceParent = $"00-{traceId}-{parentId}-01";
        await producer.SendAsync("cb.transactions", Encoding.UTF8.GetBytes(c),
            Encoding.UTF8.GetBytes(Json.ExternalTransfer($"{c}-3", c, at.AddMinutes(1), "S-1", 60_000m, 40_000m)),
            new Headers { { EngineTracing.TraceParentHeader, Encoding.ASCII.GetBytes(traceParent) } });

        var published = triggersTopic.ReadUntil(r => Transfer(r) is not null, TimeSpan.FromSeconds(30));
        var header = Transfer(published)!.Headers[EngineTracing.TraceParentHeader];
        var apply = await Eventually.MatchAsync(() => Task.FromResult(Ended(spans).SingleOrDefault(s =>
                s.OperationName == CustomerGrain.ApplySpan && (string?)s.GetTagItem("engagement.event.id") == $"{c}-3")),
            s => s is not null, TimeSpan.FromSeconds(10), "the apply span of the transfer");
        Assert.Equal(traceId, apply!.TraceId);
        Assert.Equal(parentId, apply.ParentSpanId);
        Assert.Equal($"00-{traceId}-{apply.SpanId}-01", header);

        await live.ReadUntilAsync(e => e.Count >= 2, TimeSpan.FromSeconds(30));
        var push = await Eventually.MatchAsync(() => Task.FromResult(Ended(spans).Where(s => s.OperationName == TriggerStreamApi.PushSpan && s.TraceId == traceId).ToList()),
            p => p.Count > 0, TimeSpan.FromSeconds(10), "the live push span of the transfer's trigger");
        Assert.Equal([apply.SpanId], push.Select(p => p.ParentSpanId));

        // The batch that carried the record is linked to its trace; records without one continue the batch's.
        var batch = Ended(spans).Where(s => s.OperationName == "ingest.batch" && s.Links.Any(l => l.Context.TraceId == traceId)).ToList();
        Assert.Equal([parentId], batch.SelectMany(b => b.Links).Where(l => l.Context.TraceId == traceId).Select(l => l.Context.SpanId));
        var registered = Ended(spans).Single(s => s.OperationName == CustomerGrain.ApplySpan && (string?)s.GetTagItem("engagement.event.id") == $"{c}-1");
        Assert.Contains(Ended(spans), s => s.OperationName == "ingest.batch" && s.SpanId == registered.ParentSpanId && s.TraceId == registered.TraceId);

        TopicReader.Record? Transfer(List<TopicReader.Record> records) => records.FirstOrDefault(r =>
        {
            using var trigger = JsonDocument.Parse(r.Value);
            return trigger.RootElement.GetProperty("customerId").GetString() == c
                && trigger.RootElement.GetProperty("type").GetString() == "movement.external_transfer";
        });
    }

    // The exporter appends as spans end, on other threads: a copy is read, without the slots an append had not yet filled.
    private static List<Activity> Ended(List<Activity> spans) => spans.ToArray().OfType<Activity>().ToList();
}
