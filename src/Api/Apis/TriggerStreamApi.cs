using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Engagement.Advisors;
using Engagement.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans.Runtime;
using Orleans.Streams;

namespace Engagement.Api.Apis;

/// <summary><c>GET /api/advisors/{advisorId}/triggers/stream</c>: the advisor's new and changed triggers as Server-Sent Events.</summary>
public static class TriggerStreamApi
{
    /// <summary>The span of one live push of a trigger to an advisor's stream.</summary>
    public const string PushSpan = "trigger.push";

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private const int Buffered = 1_000;

    /// <summary>Maps the stream on the advisor route group.</summary>
    public static RouteHandlerBuilder MapTriggerStream(this RouteGroupBuilder advisor) =>
        advisor.MapGet("/triggers/stream", StreamAsync).WithName("StreamTriggers")
            .WithSummary("Live triggers as text/event-stream; Last-Event-ID replays what a reconnecting client missed.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

    private static async Task StreamAsync(string advisorId, HttpContext http, IClusterClient cluster, IGrainFactory grains,
        EngineMetrics metrics)
    {
        var cancellation = http.RequestAborted;
        // A slow client never holds the engine up: when its buffer is full the stream ends and the client reconnects
        // with Last-Event-ID, which replays from the inbox.
        var buffer = Channel.CreateBounded<InboxChange>(new BoundedChannelOptions(Buffered) { FullMode = BoundedChannelFullMode.Wait });
        var stream = cluster.GetStreamProvider(AdvisorStreams.Provider)
            .GetStream<InboxChange>(StreamId.Create(AdvisorStreams.Namespace, advisorId));
        var subscription = await stream.SubscribeAsync((change, _) =>
        {
            if (!buffer.Writer.TryWrite(change))
            {
                buffer.Writer.TryComplete();
            }
            return Task.CompletedTask;
        });
        metrics.StreamConnections(+1);
        try
        {
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            await http.Response.WriteAsync(": connected\n\n", cancellation);
            await http.Response.Body.FlushAsync(cancellation);

            var lastSent = LastEventId(http.Request);
            if (lastSent is { } since)
            {
                foreach (var missed in await grains.GetGrain<IAdvisorGrain>(advisorId).GetChangesSinceAsync(since))
                {
                    await WriteAsync(http.Response, missed, cancellation);
                    lastSent = missed.Sequence;
                }
                await http.Response.Body.FlushAsync(cancellation);
            }
            await PumpAsync(http.Response, buffer.Reader, lastSent ?? 0, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        finally
        {
            metrics.StreamConnections(-1);
            await subscription.UnsubscribeAsync();
        }
    }

    private static async Task PumpAsync(HttpResponse response, ChannelReader<InboxChange> reader, long lastSent, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            var ready = reader.WaitToReadAsync(cancellation).AsTask();
            if (await Task.WhenAny(ready, Task.Delay(Heartbeat, cancellation)) != ready)
            {
                await response.WriteAsync(": heartbeat\n\n", cancellation);
                await response.Body.FlushAsync(cancellation);
                continue;
            }
            if (!await ready)
            {
                return;
            }
            while (reader.TryRead(out var change))
            {
                if (change.Sequence > lastSent)
                {
                    // A live push continues the trace of the span that fired the trigger, like its eng.triggers record.
                    using var span = EngineTracing.StartContinuing(PushSpan, ActivityKind.Producer, change.TraceParent);
                    await WriteAsync(response, change, cancellation);
                    lastSent = change.Sequence;
                }
            }
            await response.Body.FlushAsync(cancellation);
        }
    }

    private static Task WriteAsync(HttpResponse response, InboxChange change, CancellationToken cancellation) =>
        response.WriteAsync(
            $"id: {change.Sequence.ToString(CultureInfo.InvariantCulture)}\nevent: trigger\ndata: {JsonSerializer.Serialize(change.Trigger, EngineJson.Options)}\n\n",
            cancellation);

    private static long? LastEventId(HttpRequest request)
    {
        var raw = request.Headers["Last-Event-ID"].FirstOrDefault() ?? request.Query["lastEventId"].FirstOrDefault();
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
