using Confluent.Kafka;
using Engagement.Checkpoints;
using Engagement.Customers;
using Engagement.Events;
using Engagement.Products;
using Engagement.Silo.Kafka;
using Engagement.Telemetry;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Ingest;

/// <summary>Applies a poll batch: bad records to the dead-letter topic, the rest grouped by customer and applied
/// concurrently across customers, in order within a customer; done once a checkpoint holds it all.</summary>
/// <remarks>A customer's next batch goes as soon as its grain has applied the previous one in memory, not when that is
/// durable: the wait for the checkpoint holds only the commit point, never the customer.</remarks>
public sealed class IngestPipeline(
    IGrainFactory grains,
    Checkpointer checkpoints,
    PendingMarks pending,
    EventParser parser,
    DeadLetterPublisher deadLetters,
    IOptions<KafkaOptions> options,
    TimeProvider clock,
    ILogger<IngestPipeline> logger)
{
    private readonly SemaphoreSlim _applySlots = new(options.Value.MaxConcurrentApplies);

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(5);

    // About half a minute of retries with the backoff above.
    private const int MaxFailingApplies = 10;

    // The last work started per customer or product: a later batch's work for the same key runs after it.
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly Lock _tailsGate = new();

    /// <summary>Starts applying the batch: <see cref="BatchWork.Applied"/> completes when every grain has applied its
    /// part in memory, <see cref="BatchWork.Durable"/> when every record is durable; the latter fails with
    /// <see cref="CheckpointConflictException"/> when a checkpoint lost some of it to another writer.</summary>
    /// <remarks>Call from one thread at a time: the order of calls is the order of work per customer.</remarks>
    public BatchWork ProcessAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch, string cluster, CancellationToken cancellation)
    {
        var run = pending.Run;
        var span = BatchTrace.Start(batch);
        var batchTrace = EngineTracing.TraceParentOf(span);
        var work = new List<Task<IReadOnlyList<CheckpointMark>>>();
        var customers = new Dictionary<string, List<(ConsumeResult<byte[]?, byte[]?> Record, CustomerEvent Event)>>(StringComparer.Ordinal);
        var products = new Dictionary<string, List<NavUpdated>>(StringComparer.Ordinal);
        foreach (var record in batch)
        {
            var parsed = RecordGuard.Parse(() => parser.Parse(record.Message.Key, record.Message.Value ?? []), record, logger);
            if (parsed.Customer is { } e)
            {
                var located = e with
                {
                    Source = new EventSource(cluster, record.Topic, record.Partition.Value, record.Offset.Value, RecordTime.Of(record),
                        BatchTrace.TraceParentOf(record) ?? batchTrace),
                };
                if (!customers.TryGetValue(e.CustomerId, out var list))
                {
                    customers[e.CustomerId] = list = [];
                }
                list.Add((record, located));
            }
            else if (parsed.Nav is { } nav)
            {
                if (!products.TryGetValue(nav.ProductId, out var list))
                {
                    products[nav.ProductId] = list = [];
                }
                list.Add(nav);
            }
            else
            {
                work.Add(DeadLetterAsync(record, parsed.Error!, cancellation));
            }
        }
        var applies = new List<Task<IReadOnlyList<CheckpointMark>>>(customers.Count + products.Count);
        foreach (var (customerId, events) in customers)
        {
            applies.Add(After("c:" + customerId, () => ApplyCustomerAsync(customerId, events, run, cancellation)));
        }
        foreach (var (productId, navs) in products)
        {
            applies.Add(After("p:" + productId, () => ApplyNavsAsync(productId, navs, cancellation)));
        }
        var applied = Task.WhenAll(applies.Concat(work));
        if (span is not null)
        {
            _ = applied.ContinueWith(_ => span.Dispose(), TaskScheduler.Default);
        }
        return new BatchWork(applied, DurableAsync(applied, cancellation));
    }

    // A grain may live on another silo, whose checkpoints only that silo knows: its customer there awaits them. One
    // that is not known durable (that silo or activation is gone) fails the batch like a lost state: the consumer
    // replays from the committed offsets, and the replay is exact.
    private async Task DurableAsync(Task<IReadOnlyList<CheckpointMark>[]> applied, CancellationToken cancellation)
    {
        var marks = (await applied).SelectMany(marks => marks).ToList();
        var plan = DurabilityPlan.Of(marks, checkpoints.Id);
        await Task.WhenAll(plan.Remote.Select(remote => RemoteDurableAsync(remote, cancellation))
            .Append(checkpoints.WhenAllDurableAsync(plan.Local)));
        pending.Durable(marks);
    }

    private async Task RemoteDurableAsync(RemoteCheckpoints remote, CancellationToken cancellation)
    {
        var grain = grains.GetGrain<ICustomerGrain>(remote.CustomerId);
        if (!await RetryAsync(() => grain.WhenDurableAsync(remote.Checkpointer, remote.Checkpoints), cancellation))
        {
            throw CheckpointConflictException.Unknown(remote.Checkpoints[^1]);
        }
    }

    // Dead letters need no checkpoint: the broker has them once this completes.
    private async Task<IReadOnlyList<CheckpointMark>> DeadLetterAsync(ConsumeResult<byte[]?, byte[]?> record, string reason, CancellationToken cancellation)
    {
        await RetryAsync(() => deadLetters.PublishAsync(record, reason, cancellation), cancellation);
        return [];
    }

    // A batch of a run before a replay goes nowhere (the replay brings its records again); one the customer refuses,
    // its activation having moved while the previous batch was not durable, fails like a lost state: the replay.
    private async Task<IReadOnlyList<CheckpointMark>> ApplyCustomerAsync(string customerId,
        List<(ConsumeResult<byte[]?, byte[]?> Record, CustomerEvent Event)> events, long run, CancellationToken cancellation)
    {
        var after = pending.After(customerId, run) ?? throw new OperationCanceledException("A batch of before a replay, or after a refusal: it is replayed.");
        var grain = grains.GetGrain<ICustomerGrain>(customerId);
        var batch = events.Select(e => e.Event).ToList();
        ApplyAnswer answer;
        try
        {
            answer = await RetryAsync(() => grain.ApplyAsync(batch, after), cancellation, MaxFailingApplies);
            pending.Answered(customerId, run, answer);
            if (answer.Refused)
            {
                throw CheckpointConflictException.Unknown(after.Checkpoint);
            }
        }
        catch (Exception ex) when (!cancellation.IsCancellationRequested && ex is not CheckpointConflictException)
        {
            // A customer that fails the same way again and again, storage being up, would hold its partitions' commits
            // for ever: its batch goes to the dead-letter topic, and the others go on.
            logger.LogError("A customer's batch of {Count} events failed {Attempts} times with {Exception}: it is dead-lettered",
                events.Count, MaxFailingApplies, ex.GetType().Name);
            answer = new ApplyAnswer(batch.Select(e => new EventRejection(e.EventId, RecordGuard.InternalError(ex))).ToList(), CheckpointMark.Durable);
        }
        foreach (var rejection in answer.Rejections)
        {
            foreach (var (record, _) in events.Where(e => e.Event.EventId == rejection.EventId))
            {
                await DeadLetterAsync(record, rejection.Reason, cancellation);
            }
        }
        return [answer.Checkpoint];
    }

    private async Task<IReadOnlyList<CheckpointMark>> ApplyNavsAsync(string productId, List<NavUpdated> navs, CancellationToken cancellation)
    {
        var grain = grains.GetGrain<IProductGrain>(productId);
        var marks = new List<CheckpointMark>();
        foreach (var nav in navs)
        {
            marks.AddRange(await RetryAsync(() => grain.UpdateNavAsync(nav), cancellation));
        }
        return marks;
    }

    private Task<IReadOnlyList<CheckpointMark>> After(string key, Func<Task<IReadOnlyList<CheckpointMark>>> work)
    {
        lock (_tailsGate)
        {
            var previous = _tails.GetValueOrDefault(key, Task.CompletedTask);
            var next = RunAfter(previous, work);
            _tails[key] = next;
            _ = next.ContinueWith(done =>
            {
                lock (_tailsGate)
                {
                    if (_tails.TryGetValue(key, out var tail) && tail == done)
                    {
                        _tails.Remove(key);
                    }
                }
            }, TaskScheduler.Default);
            return next;
        }
    }

    private async Task<IReadOnlyList<CheckpointMark>> RunAfter(Task previous, Func<Task<IReadOnlyList<CheckpointMark>>> work)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _applySlots.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            _applySlots.Release();
        }
    }

    private Task RetryAsync(Func<Task> attempt, CancellationToken cancellation) =>
        RetryAsync(async () => { await attempt(); return true; }, cancellation);

    // Nothing is skipped: a failing write (storage or broker down) is retried with backoff until it succeeds or the engine
    // stops. With giveUpAfter, a failure that is not storage or the network being away ends the retries at that count.
    private async Task<T> RetryAsync<T>(Func<Task<T>> attempt, CancellationToken cancellation, int? giveUpAfter = null)
    {
        var delay = FirstRetryDelay;
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception ex) when (!cancellation.IsCancellationRequested && (failures < giveUpAfter || giveUpAfter is null || IsOutage(ex)))
            {
                logger.LogWarning("Applying a batch, or awaiting its checkpoints, failed ({Failures} in a row, retrying in {Delay} ms): {Error}",
                    failures, delay.TotalMilliseconds, LoggedFailure.Describe(ex));
                await Task.Delay(delay, clock, cancellation);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetryDelay.Ticks));
            }
        }
    }

    // A silo that is gone is an outage too, until the cluster declares it dead and its grains activate elsewhere.
    private static bool IsOutage(Exception ex) =>
        ex.GetBaseException() is Azure.RequestFailedException or HttpRequestException or IOException or TimeoutException
            or System.Net.Sockets.SocketException or OperationCanceledException or SiloUnavailableException
            or OrleansMessageRejectionException;
}
