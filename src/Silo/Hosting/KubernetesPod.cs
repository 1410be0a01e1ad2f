using System.Net;
using Orleans.Hosting.Kubernetes;

namespace Engagement.Silo.Hosting;

/// <summary>The pod a silo runs in, as the downward API hands it over in the environment variables that Orleans'
/// Kubernetes hosting reads (<c>POD_NAME</c>, <c>POD_NAMESPACE</c>, <c>POD_IP</c>); empty where a variable is missing.</summary>
/// <remarks>The package reads the environment itself, not configuration, so the engine checks what the package will see.</remarks>
public sealed record KubernetesPod(string Name, string Namespace, string IP)
{
    private static readonly string[] Variables =
    [
        KubernetesHostingOptions.PodNameEnvironmentVariable,
        KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
        KubernetesHostingOptions.PodIPEnvironmentVariable,
    ];

    /// <summary>The pod's variables from the process's environment, where the package reads them too.</summary>
    public static KubernetesPod FromEnvironment() => new(
        Environment.GetEnvironmentVariable(KubernetesHostingOptions.PodNameEnvironmentVariable) ?? "",
        Environment.GetEnvironmentVariable(KubernetesHostingOptions.PodNamespaceEnvironmentVariable) ?? "",
        Environment.GetEnvironmentVariable(KubernetesHostingOptions.PodIPEnvironmentVariable) ?? "");

    /// <summary>What <c>Orleans:Kubernetes=true</c> needs: a membership table the pods share, and the pod's variables;
    /// nothing when it is off.</summary>
    public static IEnumerable<string> ProblemsWith(OrleansOptions orleans, KubernetesPod pod)
    {
        if (!orleans.Kubernetes)
        {
            yield break;
        }
        var setting = $"{OrleansOptions.Section}:{nameof(OrleansOptions.Kubernetes)}=true";
        if (orleans.Clustering == ClusteringKind.Localhost)
        {
            yield return $"{setting} needs a membership table the pods share (Orleans:Clustering=AzureTable or Redis, got Localhost)";
        }
        var missing = Variables.Zip([pod.Name, pod.Namespace, pod.IP]).Where(v => string.IsNullOrWhiteSpace(v.Second)).Select(v => v.First).ToList();
        if (missing.Count > 0)
        {
            yield return $"{setting} needs the environment variables {string.Join(", ", Variables)} from the pod's downward API (missing: {string.Join(", ", missing)})";
        }
        else if (!IPAddress.TryParse(pod.IP, out _))
        {
            yield return $"{setting} needs {KubernetesHostingOptions.PodIPEnvironmentVariable} to be an IP address (got '{pod.IP}')";
        }
    }
}
