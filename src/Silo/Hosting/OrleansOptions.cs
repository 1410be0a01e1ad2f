namespace Engagement.Silo.Hosting;

/// <summary>Silo settings, bound from the <c>Orleans</c> configuration section.</summary>
public sealed class OrleansOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orleans";

    /// <summary>The port silos talk to each other on.</summary>
    public int SiloPort { get; set; } = 11111;
    /// <summary>The port clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;
    /// <summary>The cluster's id.</summary>
    public string ClusterId { get; set; } = "engagement-dev";
    /// <summary>The service's id: grain state is keyed under it.</summary>
    public string ServiceId { get; set; } = "engagement-engine";
    /// <summary>How the silos of a cluster find each other.</summary>
    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;
    /// <summary>The Redis server holding the membership table: required with <see cref="ClusteringKind.Redis"/>.</summary>
    public string RedisConnectionString { get; set; } = "";
    /// <summary>The IP address other silos reach this one on; empty: the pod's IP under Kubernetes, else the host's own
    /// address as Orleans finds it.</summary>
    public string AdvertisedAddress { get; set; } = "";
    /// <summary>Runs the silo under Orleans' Kubernetes hosting (<see cref="EngineKubernetes"/>); needs the pod's
    /// <c>POD_NAME</c>, <c>POD_NAMESPACE</c> and <c>POD_IP</c> and a membership table.</summary>
    public bool Kubernetes { get; set; }
}

/// <summary>The membership providers.</summary>
public enum ClusteringKind
{
    /// <summary>One silo on its own, no membership table.</summary>
    Localhost,
    /// <summary>The membership table in the Azure Storage account of <c>Storage:ConnectionString</c>.</summary>
    AzureTable,
    /// <summary>The membership table in Redis at <c>Orleans:RedisConnectionString</c>.</summary>
    Redis,
}
