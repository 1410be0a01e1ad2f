using System.Net;
using Engagement.Configuration;
using Engagement.Silo.Storage;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Hosting;

/// <summary>Checks the <c>Orleans</c> section: two distinct TCP ports, the cluster's ids and what the membership
/// provider needs.</summary>
public sealed class OrleansOptionsValidator : IValidateOptions<OrleansOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OrleansOptions options) => new SettingChecks(OrleansOptions.Section)
        .Within(nameof(options.SiloPort), options.SiloPort, 1, 65_535)
        .Within(nameof(options.GatewayPort), options.GatewayPort, 1, 65_535)
        .That(options.SiloPort != options.GatewayPort, nameof(options.GatewayPort), $"must differ from Orleans:SiloPort (both {options.SiloPort})")
        .Required(nameof(options.ClusterId), options.ClusterId)
        .Required(nameof(options.ServiceId), options.ServiceId)
        .That(options.Clustering != ClusteringKind.Redis || !string.IsNullOrWhiteSpace(options.RedisConnectionString),
            nameof(options.RedisConnectionString), "must be set with Orleans:Clustering=Redis (the Redis server holding the membership table)")
        .That(options.AdvertisedAddress.Length == 0 || IPAddress.TryParse(options.AdvertisedAddress, out _),
            nameof(options.AdvertisedAddress), $"must be an IP address (got '{options.AdvertisedAddress}')")
        .Result();

    /// <summary>What the membership provider needs of the <c>Storage</c> section: the Azure Table membership lives in
    /// the storage account, so it needs the Azure Table provider.</summary>
    public static IEnumerable<string> ProblemsWith(OrleansOptions orleans, StorageOptions storage) =>
        orleans.Clustering == ClusteringKind.AzureTable && storage.Provider != StorageKind.AzureTable
            ? [$"{OrleansOptions.Section}:{nameof(orleans.Clustering)}=AzureTable needs table storage (Storage:Provider=AzureTable, got {storage.Provider})"]
            : [];
}
