using System.Net;
using Azure.Data.Tables;
using Engagement.Silo.Storage;
using Orleans.Configuration;

namespace Engagement.Silo.Hosting;

/// <summary>Joins the silo to its cluster through the configured membership provider, and keeps the reminders (the
/// once-per-cluster wake-up clock) where the grain state is.</summary>
public static class EngineClustering
{
    /// <summary>Localhost (one silo), the Azure Table membership in the storage account, or Redis, under Orleans'
    /// Kubernetes hosting when <see cref="OrleansOptions.Kubernetes"/>; reminders in the storage account, or in memory
    /// with the memory storage.</summary>
    public static ISiloBuilder AddEngineClustering(this ISiloBuilder silo, OrleansOptions orleans, StorageOptions storage, KubernetesPod pod)
    {
        _ = orleans.Clustering switch
        {
            ClusteringKind.Localhost => silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort,
                serviceId: orleans.ServiceId, clusterId: orleans.ClusterId),
            ClusteringKind.AzureTable => silo.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(storage.ConnectionString)),
            ClusteringKind.Redis => silo.UseRedisClustering(orleans.RedisConnectionString),
            _ => throw new InvalidOperationException($"Orleans:Clustering {orleans.Clustering} is not known"),
        };
        if (orleans.Kubernetes)
        {
            silo.AddEngineKubernetes();
        }
        if (orleans.Clustering != ClusteringKind.Localhost)
        {
            var advertised = Advertised(orleans, pod);
            silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = orleans.ClusterId;
                    o.ServiceId = orleans.ServiceId;
                })
                .ConfigureEndpoints(advertised, orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
        }
        return storage.Provider == StorageKind.Memory
            ? silo.UseInMemoryReminderService()
            : silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(storage.ConnectionString));
    }

    /// <summary>Runs <paramref name="addSilo"/> with <c>Orleans:Clustering</c> hidden: Orleans reads its own section as
    /// the silo is added and takes a <c>Clustering</c> there for a provider of its configuration scheme
    /// (<c>Orleans:Clustering:ProviderType</c>), while the engine's setting names the provider it adds itself.</summary>
    public static void UnseenByOrleans(IConfiguration configuration, Action addSilo)
    {
        var key = $"{OrleansOptions.Section}:{nameof(OrleansOptions.Clustering)}";
        var chosen = configuration[key];
        configuration[key] = null;
        try
        {
            addSilo();
        }
        finally
        {
            configuration[key] = chosen;
        }
    }

    // An address set wins; a pod advertises its own.
    private static IPAddress Advertised(OrleansOptions orleans, KubernetesPod pod) =>
        orleans.AdvertisedAddress.Length > 0 ? IPAddress.Parse(orleans.AdvertisedAddress)
        : orleans.Kubernetes ? IPAddress.Parse(pod.IP)
        : HostAddress();

    // The first address of the host that is not a loopback one, as a member of a cluster across machines needs;
    // loopback when there is none (one machine).
    private static IPAddress HostAddress() =>
        Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            && !IPAddress.IsLoopback(a)) ?? IPAddress.Loopback;
}
