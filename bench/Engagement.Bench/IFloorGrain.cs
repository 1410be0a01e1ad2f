using Engagement.Events;

namespace Engagement.Bench;

/// <summary>The floor's grain: one per customer, keyed by customerId as the customer grain is.</summary>
[Alias("Engagement.Bench.IFloorGrain")]
public interface IFloorGrain : IGrainWithStringKey
{
    /// <summary>Takes the customer's events of one poll batch, parsed and located as ingest passes them to the customer
    /// grain, and only returns.</summary>
    [Alias("Apply")]
    Task ApplyAsync(IReadOnlyList<CustomerEvent> events);
}
