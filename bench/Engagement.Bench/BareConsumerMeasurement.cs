using System.Diagnostics;
using Confluent.Kafka;
using Engagement.Simulator;

namespace Engagement.Bench;

/// <summary>The baseline: a bare Confluent consumer reads the whole workload from the same broker and only counts it.
/// Timed from its group assignment to the last record, as the engine is.</summary>
public sealed class BareConsumerMeasurement : IMeasurement
{
    /// <inheritdoc />
    public Task MeasureAsync(BenchContext context, CancellationToken cancellation) =>
        Task.Factory.StartNew(() => Measure(context, cancellation), cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Measure(BenchContext context, CancellationToken cancellation)
    {
        var workload = context.Workload;
        using var consumer = new WorkloadConsumer(workload, "bare", new ConsumerConfig { EnableAutoCommit = false });
        var progress = new ProgressReporter(context.Progress, "bare consumer: records read", workload.Records);
        long read = 0;
        long bytes = 0;
        var lastRecordAt = Stopwatch.GetTimestamp();
        while (read < workload.Records)
        {
            cancellation.ThrowIfCancellationRequested();
            if (consumer.Kafka.Consume(WorkloadConsumer.PollWait) is { } result)
            {
                read++;
                bytes += result.Message.Value?.Length ?? 0;
                lastRecordAt = Stopwatch.GetTimestamp();
                progress.Report(read);
            }
            else
            {
                consumer.Progress(read, workload.Records);
            }
        }
        var elapsed = consumer.ElapsedSinceAssigned(lastRecordAt);
        consumer.Kafka.Close();

        var rate = read / elapsed.TotalSeconds;
        context.BaselineEventsPerSecond = rate;
        context.Report(new Figure("bare consumer",
            $"{rate:N0} events/s ({read:N0} records, {bytes / (1024.0 * 1024):N0} MiB of JSON, in {elapsed.TotalSeconds:N1} s)"));
    }
}
