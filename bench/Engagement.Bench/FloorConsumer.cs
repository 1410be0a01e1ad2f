using System.Diagnostics;
using Confluent.Kafka;
using Engagement.Ingest;
using Engagement.Silo.Ingest;
using Engagement.Silo.Kafka;
using Engagement.Simulator;

namespace Engagement.Bench;

/// <summary>The floor's consumer loop, run as the engine's ingest (<c>KafkaIngestService</c>) runs its own: the same
/// consumer settings against the embedded broker, poll batches of up to <c>Kafka:MaxBatchSize</c> records taken from
/// what is already fetched, at most <c>Kafka:MaxBatchesInFlight</c> batches in flight, and offsets stored only where
/// their whole prefix has returned (the engine's <see cref="OffsetWatermarks"/>).</summary>
public sealed class FloorConsumer(Workload workload, FloorCalls calls, KafkaOptions settings)
{
    private readonly OffsetWatermarks _watermarks = new();
    private readonly List<Task> _inFlight = [];
    private readonly Dictionary<TopicPartition, long> _stored = workload.Ends.ToDictionary(e => e.TopicPartition, _ => 0L);
    private long _storedRecords;

    /// <summary>Reads the whole workload in a new group; returns the time from its group assignment until every
    /// record's call had returned and its offset was stored.</summary>
    public TimeSpan Run(TextWriter progress, CancellationToken cancellation)
    {
        using var consumer = new WorkloadConsumer(workload, "floor", new ConsumerConfig
        {
            EnableAutoCommit = true,
            AutoCommitIntervalMs = 500,
            EnableAutoOffsetStore = false,
            FetchWaitMaxMs = KafkaOptions.EmbeddedFetchWaitMaxMs,
        });
        var reporter = new ProgressReporter(progress, "floor: records returned", workload.Records);
        while (_storedRecords < workload.Records)
        {
            cancellation.ThrowIfCancellationRequested();
            var batch = Poll(consumer.Kafka);
            if (batch.Count > 0)
            {
                Dispatch(batch);
            }
            Reap(consumer.Kafka);
            Store(consumer.Kafka);
            reporter.Report(_storedRecords);
            consumer.Progress(_storedRecords, workload.Records);
        }
        var elapsed = consumer.ElapsedSinceAssigned(Stopwatch.GetTimestamp());
        consumer.Kafka.Close();
        return elapsed;
    }

    // Waits only for the first record; the rest of the batch is what the client has already fetched.
    private List<ConsumeResult<byte[]?, byte[]?>> Poll(IConsumer<byte[]?, byte[]?> consumer)
    {
        var batch = new List<ConsumeResult<byte[]?, byte[]?>>();
        var wait = WorkloadConsumer.PollWait;
        while (batch.Count < settings.MaxBatchSize && consumer.Consume(wait) is { } result)
        {
            batch.Add(result);
            wait = TimeSpan.Zero;
        }
        return batch;
    }

    private void Dispatch(List<ConsumeResult<byte[]?, byte[]?>> batch)
    {
        _watermarks.Track(batch.Select(record => record.TopicPartitionOffset));
        _inFlight.Add(calls.CallAsync(batch).ContinueWith(returned =>
        {
            returned.GetAwaiter().GetResult();
            _watermarks.Complete(batch.Select(record => record.TopicPartitionOffset));
        }, TaskScheduler.Default));
    }

    // Back-pressure as in ingest: no new batch until one in flight has returned; offsets are stored meanwhile.
    private void Reap(IConsumer<byte[]?, byte[]?> consumer)
    {
        RemoveReturned();
        while (_inFlight.Count >= settings.MaxBatchesInFlight)
        {
            Task.WaitAny([.. _inFlight], WorkloadConsumer.PollWait);
            RemoveReturned();
            Store(consumer);
        }
    }

    // A failed call fails the measurement: the floor has nothing to retry.
    private void RemoveReturned()
    {
        if (_inFlight.FirstOrDefault(t => t.IsFaulted) is { } failed)
        {
            failed.GetAwaiter().GetResult();
        }
        _inFlight.RemoveAll(t => t.IsCompleted);
    }

    private void Store(IConsumer<byte[]?, byte[]?> consumer)
    {
        foreach (var offset in _watermarks.TakeCommittable())
        {
            consumer.StoreOffset(offset);
            _storedRecords += offset.Offset.Value - _stored[offset.TopicPartition];
            _stored[offset.TopicPartition] = offset.Offset.Value;
        }
    }
}
