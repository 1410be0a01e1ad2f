using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace Engagement.Silo.Storage;

/// <summary>Registers <see cref="AzureTableGrainStorage"/> with a silo.</summary>
public static class AzureTableGrainStorageExtensions
{
    /// <summary>Adds the provider <paramref name="name"/>, the name grains give in <c>[PersistentState(…, name)]</c>.</summary>
    public static ISiloBuilder AddAzureTableGrainStorage(
        this ISiloBuilder builder, string name, Action<AzureTableStorageOptions> configure)
    {
        builder.Services.AddOptions<AzureTableStorageOptions>(name).Configure(configure);
        // Orleans resolves providers as keyed IGrainStorage services; AddGrainStorage also maps the unkeyed
        // IGrainStorage when the name is the default provider's.
        builder.Services.AddGrainStorage(name, static (services, key) => new AzureTableGrainStorage(
            key,
            services.GetRequiredService<IOptionsMonitor<AzureTableStorageOptions>>().Get(key),
            services.GetRequiredService<Serializer>(),
            services.GetRequiredService<IActivatorProvider>()));
        return builder;
    }

    /// <summary>Adds the provider as the default, used by <c>[PersistentState]</c> without a storage name.</summary>
    public static ISiloBuilder AddAzureTableGrainStorageAsDefault(
        this ISiloBuilder builder, Action<AzureTableStorageOptions> configure) =>
        builder.AddAzureTableGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);
}
