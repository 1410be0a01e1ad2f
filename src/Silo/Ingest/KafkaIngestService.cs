using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Engagement.Checkpoints;
using Engagement.Silo.Kafka;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Ingest;

/// <summary>The consumer loop: polls what is already fetched, hands batches to the pipeline, and stores
/// only offsets whose whole prefix is durable.</summary>
public sealed class KafkaIngestService(
    IngestPipeline pipeline,
    PendingMarks pending,
    IngestStatus status,
    IOptions<KafkaOptions> options,
    ILogger<KafkaIngestService> logger) : BackgroundService
{
    private static readonly TimeSpan PollWait = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CommittedTimeout = TimeSpan.FromSeconds(5);
    private const long ObserveEndsEveryMs = 100;

    private readonly OffsetWatermarks _watermarks = new();
    private readonly List<Task> _inFlight = [];
    private readonly List<Task> _applying = [];
    // Set as each batch finishes applying and as it becomes durable. The loop waits on it rather than on the batches'
    // tasks, whose wait spins a core before it blocks: 5 % of the in-memory ingest's CPU in a profile. Never disposed:
    // it holds no kernel handle unless one is asked for, and batches ending after the host stops still set it.
    private readonly ManualResetEventSlim _batchEnded = new(initialState: false, spinCount: 0);
    private long _awaitingCheckpoint;
    private long _endsObservedAt = -ObserveEndsEveryMs;
    private volatile bool _replay;

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    // A checkpoint that lost a state to another writer, or one of a silo that is gone, means some applied records are
    // not known durable: the consumer starts again from the committed offsets, and the customers' stored eventIds and
    // watermarks make the replay exact.
    private void Run(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            _replay = false;
            pending.Restart();
            Consume(stopping);
            if (_replay)
            {
                logger.LogWarning("Replaying from the committed offsets: a checkpoint lost a state to another writer, or another silo's is not known durable");
            }
        }
    }

    private void Consume(CancellationToken stopping)
    {
        var settings = options.Value;
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(KafkaClients.Consumer(settings))
            .SetPartitionsAssignedHandler((c, partitions) =>
            {
                status.Assigned(CommitPoints(c, partitions));
                logger.LogInformation("Ingest assigned {Count} partitions", partitions.Count);
            })
            .SetPartitionsRevokedHandler((c, partitions) => Release(c, partitions.Select(p => p.TopicPartition).ToList()))
            .SetPartitionsLostHandler((_, partitions) =>
            {
                _watermarks.Forget(partitions.Select(p => p.TopicPartition));
                status.Revoked(partitions.Select(p => p.TopicPartition));
            })
            .SetOffsetsCommittedHandler((_, committed) =>
                status.Committed(committed.Offsets.Where(o => !o.Error.IsError).Select(o => o.TopicPartitionOffset)))
            .SetErrorHandler((_, error) => logger.LogWarning("Kafka consumer: {Reason}", error.Reason))
            .Build();
        consumer.Subscribe(settings.Topics);
        logger.LogInformation("Ingest consuming {Topics} as group {Group}", string.Join(", ", settings.Topics), settings.GroupId);
        try
        {
            while (!stopping.IsCancellationRequested && !_replay)
            {
                try
                {
                    var batch = Poll(consumer, settings.MaxBatchSize, stopping);
                    if (batch.Count > 0)
                    {
                        Dispatch(batch, settings.ClusterName, stopping);
                    }
                    Reap(consumer, settings, stopping);
                    Store(consumer);
                    ObserveEnds(consumer);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    // Only stopping ends the loop: anything else is logged (by type: messages may quote a record) and the loop goes on.
                    logger.LogError("Ingest loop iteration failed with {Exception} at {StackTrace}; continuing",
                        ex.GetType().FullName, ex.StackTrace);
                    stopping.WaitHandle.WaitOne(PollWait);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            WaitForInFlight();
            Store(consumer);
            CommitStored(consumer);
            status.Stopped();
            // What is still in flight for a replay is replayed: forgotten now, it holds nothing up when the partitions go.
            _watermarks.Forget(consumer.Assignment);
            _inFlight.Clear();
            _applying.Clear();
            consumer.Close();
        }
    }

    private List<ConsumeResult<byte[]?, byte[]?>> Poll(IConsumer<byte[]?, byte[]?> consumer, int max, CancellationToken stopping)
    {
        var batch = new List<ConsumeResult<byte[]?, byte[]?>>();
        try
        {
            // Waits only for the first record (a record arriving ends the wait at once); the rest of the batch is what the
            // client has already fetched. It waits even while batches are in flight: polling without a wait would spin a
            // core, and their offsets can be stored a moment later.
            var wait = PollWait;
            while (batch.Count < max && consumer.Consume(wait) is { } result)
            {
                stopping.ThrowIfCancellationRequested();
                if (!result.IsPartitionEOF)
                {
                    batch.Add(result);
                }
                wait = TimeSpan.Zero;
            }
        }
        catch (ConsumeException ex)
        {
            logger.LogWarning("Kafka consume failed: {Reason}", ex.Error.Reason);
        }
        return batch;
    }

    private void Dispatch(List<ConsumeResult<byte[]?, byte[]?>> batch, string cluster, CancellationToken stopping)
    {
        _watermarks.Track(batch.Select(record => record.TopicPartitionOffset));
        status.Consumed(batch.Select(record => record.TopicPartitionOffset));
        var work = pipeline.ProcessAsync(batch, cluster, stopping);
        Interlocked.Add(ref _awaitingCheckpoint, batch.Count);
        var durable = work.Durable.ContinueWith(done =>
        {
            Interlocked.Add(ref _awaitingCheckpoint, -batch.Count);
            if (done.IsCompletedSuccessfully)
            {
                _watermarks.Complete(batch.Select(record => record.TopicPartitionOffset));
            }
            else if (done.Exception?.InnerExceptions.Any(e => e is CheckpointConflictException) == true)
            {
                _replay = true;
            }
            _batchEnded.Set();
        }, TaskScheduler.Default);
        work.Applied.ContinueWith(_ => _batchEnded.Set(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        _inFlight.Add(durable);
        _applying.Add(work.Applied);
    }

    // Back-pressure: no new batch while MaxBatchesInFlight are still being applied, or while MaxRecordsAwaitingCheckpoint
    // records wait for a checkpoint, however long that takes (a storage outage, say); offsets of batches that become
    // durable meanwhile are stored. A batch waiting only for its checkpoint holds no poll: records arriving meanwhile are
    // applied at once. Were the wait bounded, a slow store would let the whole topic into memory, and the commit point
    // would wait behind it all. Past Kafka's max.poll.interval.ms without a poll the member leaves the group; it rejoins
    // on its next poll and replays from the last commit.
    private void Reap(IConsumer<byte[]?, byte[]?> consumer, KafkaOptions settings, CancellationToken stopping) =>
        WaitForBatchesWhile(() =>
        {
            _inFlight.RemoveAll(t => t.IsCompleted);
            _applying.RemoveAll(t => t.IsCompleted);
            return !stopping.IsCancellationRequested
                && (_applying.Count >= settings.MaxBatchesInFlight || Interlocked.Read(ref _awaitingCheckpoint) >= settings.MaxRecordsAwaitingCheckpoint);
        }, () =>
        {
            Store(consumer);
            ObserveEnds(consumer);
        });

    // Waits for batches to end, at most PollWait at a time, while `holding` answers true; `between` runs after each wait.
    // The signal is reset before each check, so that a batch ending after the check still wakes the wait.
    private void WaitForBatchesWhile(Func<bool> holding, Action? between = null)
    {
        while (true)
        {
            _batchEnded.Reset();
            if (!holding())
            {
                return;
            }
            _batchEnded.Wait(PollWait);
            between?.Invoke();
        }
    }

    private void Store(IConsumer<byte[]?, byte[]?> consumer)
    {
        foreach (var offset in _watermarks.TakeCommittable())
        {
            try
            {
                consumer.StoreOffset(offset);
            }
            catch (KafkaException ex) when (ex.Error.Code == ErrorCode.Local_State)
            {
                // The partition moved to another member meanwhile: that member replays from the last commit.
            }
        }
    }

    // The watermarks come from the client's last fetch responses, with no request to the broker, so lag keeps being
    // reported while back-pressure holds the polls. At most every ObserveEndsEveryMs: the loop turns hundreds of times a
    // second when records come one by one, and each look copies the assignment and every partition's topic name out of
    // the client (5 % of the bytes the engine allocated at 4,000 events/s, and the collections they cost). Timed on the
    // machine's tick count, not the engine's TimeProvider: it paces work, and a test's frozen clock must not stop it.
    private void ObserveEnds(IConsumer<byte[]?, byte[]?> consumer)
    {
        var now = Environment.TickCount64;
        if (now - _endsObservedAt < ObserveEndsEveryMs)
        {
            return;
        }
        _endsObservedAt = now;
        foreach (var partition in consumer.Assignment)
        {
            status.Ends(partition, consumer.GetWatermarkOffsets(partition));
        }
    }

    // Where the group stands on newly assigned partitions, for the commit point; unknown (and learned from the first
    // record) when the broker does not answer in time.
    private IEnumerable<TopicPartitionOffset> CommitPoints(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> partitions)
    {
        try
        {
            return consumer.Committed(partitions, CommittedTimeout);
        }
        catch (KafkaException ex)
        {
            logger.LogWarning("Reading the group's committed offsets failed: {Reason}", ex.Error.Reason);
            return partitions.Select(p => new TopicPartitionOffset(p, Offset.Unset));
        }
    }

    private void Release(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> partitions)
    {
        var deadline = DateTime.UtcNow + DrainTimeout;
        WaitForBatchesWhile(() => _watermarks.AnyInFlight(partitions) && DateTime.UtcNow < deadline);
        Store(consumer);
        CommitStored(consumer);
        _watermarks.Forget(partitions);
        status.Revoked(partitions);
    }

    private void WaitForInFlight()
    {
        if (!Task.WaitAll([.. _inFlight], DrainTimeout))
        {
            logger.LogWarning("Stopped with batches still in flight: they are replayed from the last commit");
        }
    }

    private void CommitStored(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            consumer.Commit();
        }
        catch (KafkaException ex) when (ex.Error.Code is ErrorCode.Local_NoOffset or ErrorCode.Local_State)
        {
        }
        catch (KafkaException ex)
        {
            logger.LogWarning("Committing offsets failed: {Reason}; they are replayed after a restart", ex.Error.Reason);
        }
    }
}
