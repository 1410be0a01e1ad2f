using Engagement.Advisors;

namespace Engagement.Silo.Hosting;

/// <summary>Registers the grain storage providers the grains name.</summary>
public static class EngineStorage
{
    /// <summary>Adds storage for customers and products, as configured.</summary>
    public static ISiloBuilder AddEngineStorage(this ISiloBuilder silo, IConfiguration configuration) => silo
        .AddMemoryGrainStorage(StorageNames.Customers)
        .AddMemoryGrainStorage(StorageNames.Products)
        .AddMemoryGrainStorage(StorageNames.Advisors)
        .AddMemoryGrainStorage(StorageNames.Schedule)
        .AddMemoryGrainStorage("PubSubStore")
        .AddMemoryStreams(AdvisorStreams.Provider);
}
