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
}
