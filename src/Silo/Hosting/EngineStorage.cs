using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Engagement.Silo.Hosting;

/// <summary>Registers the grain storage providers the grains name.</summary>
public static class EngineStorage
{
    /// <summary>Adds storage for customers and products, as configured.</summary>
    public static ISiloBuilder AddEngineStorage(this ISiloBuilder silo, IConfiguration configuration) => silo
        .AddMemoryGrainStorage(StorageNames.Customers, UseOrleansSerializer)
        .AddMemoryGrainStorage(StorageNames.Products, UseOrleansSerializer);

    // The memory provider copies every write with Newtonsoft JSON (type names, reference tracking) unless told otherwise:
    // that was most of the ingest's CPU and garbage. The state types carry generated Orleans serializers; use those.
    private static void UseOrleansSerializer(OptionsBuilder<MemoryGrainStorageOptions> options) =>
        options.Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
}
