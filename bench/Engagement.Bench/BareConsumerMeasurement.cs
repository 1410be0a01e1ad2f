using System.Diagnostics;
using Confluent.Kafka;
using Engagement.Simulator;

namespace Engagement.Bench;

/// <summary>The baseline: a bare Confluent consumer reads the whole workload from the same broker and only counts it.
/// Timed from its group assignment to the last record, as the engine is.</summary>
public sealed class BareConsumerMeasurement : IMeasurement
{
    private static readonly TimeSpan PollWait = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public Task MeasureAsync(BenchContext context, CancellationToken cancellation) =>
        Task.Factory.StartNew(() => Measure(context, cancellation), cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Measure(BenchContext context, CancellationToken cancellation)
    {
        var workload = context.Workload;
        long assignedAt = 0;
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
            {
                BootstrapServers = workload.BootstrapServers,
                GroupId = $"bench-bare-{Guid.NewGuid():N}",
                AutoOffsetReset = AutoOffsetReset.Earliest,
                EnableAutoCommit = false,
            })
            .SetPartitionsAssignedHandler((_, _) => assignedAt = assignedAt == 0 ? Stopwatch.GetTimestamp() : assignedAt)
            .Build();
        consumer.Subscribe(CoreBankingTopics.All);
        var progress = new ProgressReporter(context.Progress, "bare consumer: records read", workload.Records);
        long read = 0;
        long bytes = 0;
        var lastRecordAt = Stopwatch.GetTimestamp();
        while (read < workload.Records)
        {
            cancellation.ThrowIfCancellationRequested();
            if (consumer.Consume(PollWait) is { } result)
            {
                read++;
                bytes += result.Message.Value?.Length ?? 0;
                lastRecordAt = Stopwatch.GetTimestamp();
                progress.Report(read);
            }
            else if (Stopwatch.GetElapsedTime(lastRecordAt) > StallLimit)
            {
                throw new TimeoutException($"The bare consumer read {read:N0} of {workload.Records:N0} records and then nothing for {StallLimit.TotalSeconds:0} s.");
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(assignedAt, lastRecordAt);
        consumer.Close();

        var rate = read / elapsed.TotalSeconds;
        context.BaselineEventsPerSecond = rate;
        context.Report(new Figure("bare consumer",
            $"{rate:N0} events/s ({read:N0} records, {bytes / (1024.0 * 1024):N0} MiB of JSON, in {elapsed.TotalSeconds:N1} s)"));
    }
}
