using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Confluent.Kafka;
using Engagement.Api.Auth;
using Engagement.Development;
using Engagement.Silo.Hosting;
using Engagement.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Bench;

/// <summary>What the latency probe measured.</summary>
/// <param name="EventsPerSecond">The pace the probe produced at, all its events counted.</param>
/// <param name="Timed">The events meant to fire a trigger.</param>
/// <param name="Latencies">From producing each of them to its first trigger on the advisor's live stream, sorted; events
/// whose trigger never came are missing.</param>
/// <param name="Pauses">The garbage collections of the bench process while the probe ran: every trigger's way runs through it.</param>
public sealed record LatencyResult(double EventsPerSecond, int Timed, IReadOnlyList<TimeSpan> Latencies, GcPauses Pauses)
{
    /// <summary>The latency below which <paramref name="share"/> of the received triggers came.</summary>
    public TimeSpan Percentile(double share) =>
        Latencies.Count == 0 ? TimeSpan.Zero : Latencies[Math.Clamp((int)Math.Ceiling(share * Latencies.Count) - 1, 0, Latencies.Count - 1)];
}

/// <summary>Trigger latency as an advisor sees it: events that fire a trigger (large transfers to another bank) among
/// ordinary card purchases, produced at a steady pace, each timed from the moment it is handed to the producer until a
/// trigger naming it in <c>sourceEventIds</c> arrives on its advisor's live stream, read over HTTP as a browser would.</summary>
public static class TriggerLatencyProbe
{
    /// <summary>The topic the probe produces to, which an engine it measures must also read: apart from the workload's,
    /// so that a later run over the workload reads the workload alone.</summary>
    public const string Topic = "bench.latency";

    /// <summary>How many advisors' streams are read; the timed events go to their customers.</summary>
    private const int ListenedAdvisors = 8;

    /// <summary>One event in this many is timed; the rest are card purchases of random customers.</summary>
    private const int TimedEvery = 10;

    private static readonly TimeSpan LastTriggerWait = TimeSpan.FromSeconds(15);

    /// <summary>Produces for <paramref name="duration"/> at <paramref name="eventsPerSecond"/> and times the triggers.</summary>
    public static async Task<LatencyResult> MeasureAsync(RunningEngine engine, Workload workload, double eventsPerSecond, TimeSpan duration,
        TextWriter progress, CancellationToken cancellation)
    {
        var books = workload.Advisors.GroupBy(a => a.Value, a => a.Key)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Take(ListenedAdvisors).ToList();
        var timedCustomers = books.SelectMany(b => b).Order(StringComparer.Ordinal).ToList();
        var auth = engine.App.Services.GetRequiredService<AuthOptions>();
        using var http = new HttpClient { BaseAddress = new Uri(engine.BaseUrl()), Timeout = Timeout.InfiniteTimeSpan };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);

        var pending = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new List<TimeSpan>();
        var readers = new List<Task>();
        foreach (var book in books)
        {
            var token = DevelopmentTokens.Create(auth, Roles.Advisor, book.Key, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
            var stream = await ConnectAsync(http, book.Key, token, stop.Token);
            readers.Add(Task.Run(() => ReadAsync(stream, pending, latencies, stop.Token), CancellationToken.None));
        }

        var total = (int)(eventsPerSecond * duration.TotalSeconds);
        await using var collections = GcPauseRecorder.Start();
        var timed = await Task.Factory.StartNew(
            () => Produce(workload, timedCustomers, pending, eventsPerSecond, total, progress, cancellation),
            cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var waitedSince = Stopwatch.GetTimestamp();
        while (!pending.IsEmpty && Stopwatch.GetElapsedTime(waitedSince) < LastTriggerWait)
        {
            await Task.Delay(50, cancellation);
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        var pauses = await collections.StopAsync();
        lock (latencies)
        {
            return new LatencyResult(eventsPerSecond, timed, latencies.Order().ToList(), pauses);
        }
    }

    private static async Task<Stream> ConnectAsync(HttpClient http, string advisorId, string token, CancellationToken cancellation)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/advisors/{Uri.EscapeDataString(advisorId)}/triggers/stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStreamAsync(cancellation);
    }

    // Every trigger on the stream is checked: the first one naming a timed event stops its clock.
    private static async Task ReadAsync(Stream stream, ConcurrentDictionary<string, long> pending, List<TimeSpan> latencies,
        CancellationToken cancellation)
    {
        using var reader = new StreamReader(stream);
        try
        {
            while (await reader.ReadLineAsync(cancellation) is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    continue;
                }
                var arrivedAt = Stopwatch.GetTimestamp();
                using var trigger = JsonDocument.Parse(line.AsMemory(6));
                if (!trigger.RootElement.TryGetProperty("sourceEventIds", out var ids))
                {
                    continue;
                }
                foreach (var id in ids.EnumerateArray())
                {
                    if (pending.TryRemove(id.GetString()!, out var producedAt))
                    {
                        lock (latencies)
                        {
                            latencies.Add(Stopwatch.GetElapsedTime(producedAt, arrivedAt));
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
    }

    // Paced on a thread of its own: each event goes out at its moment, whether or not the engine keeps up.
    private static int Produce(Workload workload, IReadOnlyList<string> timedCustomers, ConcurrentDictionary<string, long> pending,
        double eventsPerSecond, int total, TextWriter progress, CancellationToken cancellation)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = workload.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            // Each event leaves at once, as core banking posts it; a lingering batch would be part of the latency measured.
            LingerMs = 0,
        }).Build();
        var run = Guid.NewGuid().ToString("N")[..8];
        var random = new Random(42);
        var reporter = new ProgressReporter(progress, "latency probe: events produced", total);
        var timed = 0;
        // One buffer and writer for every event: a new one per event was a fifth of the bytes this process allocated
        // during the probe, and every collection it brought on paused the engine too.
        var buffer = new ArrayBufferWriter<byte>(512);
        using var json = new Utf8JsonWriter(buffer);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / eventsPerSecond) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                // Whole milliseconds: a shorter wait would return at once and spin a core the engine needs.
                cancellation.WaitHandle.WaitOne(Math.Max(1, (int)Math.Ceiling(due.TotalMilliseconds)));
            }
            cancellation.ThrowIfCancellationRequested();
            var eventId = $"latency-{run}-{i}";
            var isTimed = i % TimedEvery == 0 && timedCustomers.Count > 0;
            var customerId = isTimed
                ? timedCustomers[timed++ % timedCustomers.Count]
                : workload.CustomerIds[random.Next(workload.CustomerIds.Count)];
            var value = Transaction(json, buffer, eventId, customerId, externalTransfer: isTimed);
            if (isTimed)
            {
                pending[eventId] = Stopwatch.GetTimestamp();
            }
            producer.Produce(Topic, new Message<string, string> { Key = customerId, Value = value });
            reporter.Report(i + 1);
        }
        producer.Flush(cancellation);
        return timed;
    }

    // A timed event is a 60,000.00 transfer to another bank (it fires movement.external_transfer); the others are card
    // purchases of 88.00, which fire nothing. Both are debits.
    private static string Transaction(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, string eventId, string customerId,
        bool externalTransfer)
    {
        buffer.ResetWrittenCount();
        writer.Reset();
        writer.WriteStartObject();
        writer.WriteString("eventId", eventId);
        writer.WriteString("type", "transaction.posted");
        writer.WriteString("customerId", customerId);
        writer.WriteString("occurredAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteString("currency", "CNY");
        writer.WriteString("direction", "debit");
        if (externalTransfer)
        {
            ExternalTransfer(writer, customerId);
        }
        else
        {
            CardPurchase(writer, customerId);
        }
        writer.WriteEndObject();
        writer.Flush();
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void ExternalTransfer(Utf8JsonWriter writer, string customerId)
    {
        writer.WriteString("accountId", $"SA-{Number(customerId)}");
        writer.WriteString("kind", "transfer_out");
        writer.WriteNumber("amount", 60_000.00m);
        writer.WriteNumber("balanceAfter", 20_000.00m);
        writer.WriteString("channel", "online");
        writer.WriteStartObject("counterparty");
        writer.WriteString("name", "Payee");
        writer.WriteString("bankId", "OTHER");
        writer.WriteBoolean("external", true);
        writer.WriteEndObject();
    }

    private static void CardPurchase(Utf8JsonWriter writer, string customerId)
    {
        writer.WriteString("accountId", $"CC-{Number(customerId)}");
        writer.WriteString("kind", "card_purchase");
        writer.WriteNumber("amount", 88.00m);
        writer.WriteString("channel", "pos");
    }

    // The simulator numbers its accounts after the customer: C0042 has SA-42 and CC-42.
    private static int Number(string customerId) => int.Parse(customerId.AsSpan(1), CultureInfo.InvariantCulture);
}
