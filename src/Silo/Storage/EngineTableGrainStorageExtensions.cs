using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace Engagement.Silo.Storage;

/// <summary>Registers <see cref="EngineTableGrainStorage"/> with a silo.</summary>
public static class EngineTableGrainStorageExtensions
{
    /// <summary>Adds the provider <paramref name="name"/>, the name grains give in <c>[PersistentState(…, name)]</c>.</summary>
    /// <remarks>Not named like Orleans' <c>AddAzureTableGrainStorage</c>, which the silo registers too, so that a lambda
    /// never binds to the wrong provider's options.</remarks>
    public static ISiloBuilder AddEngineTableGrainStorage(
        this ISiloBuilder builder, string name, Action<EngineTableStorageOptions> configure)
    {
        builder.Services.AddOptions<EngineTableStorageOptions>(name).Configure(configure);
        // Orleans resolves providers as keyed IGrainStorage services; AddGrainStorage also maps the unkeyed
        // IGrainStorage when the name is the default provider's.
        builder.Services.AddGrainStorage(name, static (services, key) => new EngineTableGrainStorage(
            key,
            services.GetRequiredService<IOptionsMonitor<EngineTableStorageOptions>>().Get(key),
            services.GetRequiredService<Serializer>(),
            services.GetRequiredService<IActivatorProvider>()));
        return builder;
    }

    /// <summary>Adds the provider as the default, used by <c>[PersistentState]</c> without a storage name.</summary>
    public static ISiloBuilder AddEngineTableGrainStorageAsDefault(
        this ISiloBuilder builder, Action<EngineTableStorageOptions> configure) =>
        builder.AddEngineTableGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);
}
