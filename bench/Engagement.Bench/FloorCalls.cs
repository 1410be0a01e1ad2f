using System.Text;
using Confluent.Kafka;
using Engagement.Events;
using Engagement.Ingest;
using Engagement.Silo.Ingest;

namespace Engagement.Bench;

/// <summary>What the engine's ingest (<c>IngestPipeline</c>) does with a poll batch, less the customer grain's work: each
/// record parsed by the engine's own parser and located, the customer events grouped by customer, one call per customer
/// per batch with that customer's events in order, a later batch's call for a customer only after the earlier one has
/// returned, and at most <c>Kafka:MaxConcurrentApplies</c> calls at once across every batch in flight.</summary>
/// <remarks>NAV updates are parsed and call nothing: the floor has one grain type, keyed by customer. Any other record
/// fails the measurement, the workload having none the engine would dead-letter.</remarks>
public sealed class FloorCalls(IGrainFactory grains, EventParser parser, int maxConcurrentCalls, string cluster)
{
    private readonly SemaphoreSlim _slots = new(maxConcurrentCalls);
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly Lock _tailsGate = new();
    private long _events;
    private long _calls;

    /// <summary>The customer events passed in calls that returned.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>The calls that returned.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Starts the batch's calls; the task completes when every one of them has returned.</summary>
    /// <remarks>Call from one thread at a time: the order of calls is the order of calls per customer.</remarks>
    public Task CallAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch)
    {
        var customers = new Dictionary<string, List<CustomerEvent>>(StringComparer.Ordinal);
        foreach (var record in batch)
        {
            var key = record.Message.Key is { } k ? Encoding.UTF8.GetString(k) : null;
            var parsed = parser.Parse(key, record.Message.Value ?? []);
            if (parsed.Customer is { } e)
            {
                if (!customers.TryGetValue(e.CustomerId, out var events))
                {
                    customers[e.CustomerId] = events = [];
                }
                events.Add(e with { Source = new EventSource(cluster, record.Topic, record.Partition.Value, record.Offset.Value) });
            }
            else if (parsed.Nav is null)
            {
                throw new InvalidOperationException($"The workload has a record the engine dead-letters ({parsed.Error}) at {record.TopicPartitionOffset}.");
            }
        }
        return Task.WhenAll(customers.Select(c => CallInTurn(c.Key, c.Value)));
    }

    private Task CallInTurn(string customerId, List<CustomerEvent> events)
    {
        lock (_tailsGate)
        {
            var call = CallAfterAsync(_tails.GetValueOrDefault(customerId, Task.CompletedTask), customerId, events);
            _tails[customerId] = call;
            _ = call.ContinueWith(returned => ForgetIfLast(customerId, returned), TaskScheduler.Default);
            return call;
        }
    }

    private void ForgetIfLast(string customerId, Task returned)
    {
        lock (_tailsGate)
        {
            if (_tails.TryGetValue(customerId, out var last) && last == returned)
            {
                _tails.Remove(customerId);
            }
        }
    }

    private async Task CallAfterAsync(Task previous, string customerId, List<CustomerEvent> events)
    {
        await previous;
        await _slots.WaitAsync();
        try
        {
            await grains.GetGrain<IFloorGrain>(customerId).ApplyAsync(events);
        }
        finally
        {
            _slots.Release();
        }
        Interlocked.Add(ref _events, events.Count);
        Interlocked.Increment(ref _calls);
    }
}
