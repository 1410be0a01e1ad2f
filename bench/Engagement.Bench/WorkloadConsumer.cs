using System.Diagnostics;
using Confluent.Kafka;
using Engagement.Simulator;

namespace Engagement.Bench;

/// <summary>A consumer of the whole workload in a new group of its own. It notes when the group first assigned it
/// partitions, the moment every consumer measurement is timed from, and fails a measurement whose progress stalls.</summary>
public sealed class WorkloadConsumer : IDisposable
{
    /// <summary>How long a poll waits for a record, as the engine's ingest does.</summary>
    public static readonly TimeSpan PollWait = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(60);

    private readonly string _name;
    private long _assignedAt;
    private long _progress = -1;
    private long _progressAt = Stopwatch.GetTimestamp();

    /// <summary>Subscribes to every input topic with <paramref name="config"/>, in a new group named after <paramref name="name"/>.</summary>
    public WorkloadConsumer(Workload workload, string name, ConsumerConfig config)
    {
        _name = name;
        config.BootstrapServers = workload.BootstrapServers;
        config.GroupId = $"bench-{name}-{Guid.NewGuid():N}";
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        Kafka = new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetPartitionsAssignedHandler((_, _) => _assignedAt = _assignedAt == 0 ? Stopwatch.GetTimestamp() : _assignedAt)
            .Build();
        Kafka.Subscribe(CoreBankingTopics.All);
    }

    /// <summary>The subscribed consumer.</summary>
    public IConsumer<byte[]?, byte[]?> Kafka { get; }

    /// <summary>The time from the first assignment to <paramref name="end"/>, a <see cref="Stopwatch"/> timestamp.</summary>
    public TimeSpan ElapsedSinceAssigned(long end) => Stopwatch.GetElapsedTime(_assignedAt, end);

    /// <summary>Notes how far the measurement has got; throws when it has not moved for a minute.</summary>
    public void Progress(long done, long total)
    {
        if (done != _progress)
        {
            (_progress, _progressAt) = (done, Stopwatch.GetTimestamp());
        }
        else if (Stopwatch.GetElapsedTime(_progressAt) > StallLimit)
        {
            throw new TimeoutException($"The {_name} consumer got to {done:N0} of {total:N0} records and then no further for {StallLimit.TotalSeconds:0} s.");
        }
    }

    /// <inheritdoc />
    public void Dispose() => Kafka.Dispose();
}
