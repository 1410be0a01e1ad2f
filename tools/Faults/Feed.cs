using System.Diagnostics;
using Engagement.Simulator;

namespace Engagement.Faults;

/// <summary>Produces one phase's records to its input topic at an even pace over a given time, so faults can be timed
/// by how far it is.</summary>
public sealed class Feed(string bootstrapServers, string topic, IReadOnlyList<(string Key, string Value)> records, TimeSpan over)
{
    private const int Slice = 200;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private long _sent;

    /// <summary>Sends every record, printing progress every few seconds; completes when all are delivered.</summary>
    public async Task RunAsync(TextWriter progress, CancellationToken cancellation)
    {
        using var sink = new KafkaRecordSink(bootstrapServers);
        var reporter = new ProgressReporter(progress, $"  sent to {topic}", records.Count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < records.Count; i++)
        {
            sink.Send(new SimulatedRecord(topic, records[i].Key, records[i].Value));
            if ((i + 1) % Slice != 0)
            {
                continue;
            }
            Interlocked.Exchange(ref _sent, i + 1);
            reporter.Report(i + 1);
            var due = over * ((i + 1) / (double)records.Count);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellation);
            }
        }
        await sink.FlushAsync(cancellation);
        Interlocked.Exchange(ref _sent, records.Count);
    }

    /// <summary>Completes once the share <paramref name="fraction"/> of the records has been handed to the producer.</summary>
    public async Task ReachedAsync(double fraction, CancellationToken cancellation)
    {
        while (Interlocked.Read(ref _sent) < fraction * records.Count)
        {
            await Task.Delay(Poll, cancellation);
        }
    }
}
