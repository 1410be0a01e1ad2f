namespace Engagement.Faults;

/// <summary>The size of a fault-suite run and where it keeps its data.</summary>
public sealed record FaultOptions
{
    /// <summary>Customers of the cluster phase.</summary>
    public int Customers { get; init; } = 10_000;

    /// <summary>Records per customer, Traffic's own repeats included.</summary>
    public int EventsPerCustomer { get; init; } = 10;

    /// <summary>Silos the cluster starts with; one more joins mid-stream.</summary>
    public int Silos { get; init; } = 3;

    /// <summary>The share of records delivered a second time, later, as a producer retry or a replay would.</summary>
    public double Redeliveries { get; init; } = 0.05;

    /// <summary>How long storage is away.</summary>
    public TimeSpan StorageOutage { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The least time the records of one phase are spread over, so the faults fall mid-stream.</summary>
    public TimeSpan FeedTime { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The draw of the records.</summary>
    public int Seed { get; init; } = 11;

    /// <summary>Azurite's data and the engine's logs.</summary>
    public required string DataFolder { get; init; }

    /// <summary>Customers of the single-process phase: a fifth of the cluster's.</summary>
    public int SingleProcessCustomers => Math.Max(1, Customers / 5);
}
