namespace Engagement.Silo.Hosting;

/// <summary>Orleans' Kubernetes hosting, with <c>Orleans:Kubernetes=true</c>: the pod's name is the silo's, the silos
/// label their pods with the cluster's ids and watch the cluster's pods through the Kubernetes API, so that a deleted
/// pod's silo is declared dead at once rather than after its missed probes.</summary>
public static class EngineKubernetes
{
    /// <summary>Adds the hosting, which reads the pod from <c>POD_NAME</c>, <c>POD_NAMESPACE</c> and <c>POD_IP</c>
    /// (see <see cref="KubernetesPod"/>). Called before the engine sets the cluster's ids: the package takes them from
    /// <c>ORLEANS_CLUSTER_ID</c> and <c>ORLEANS_SERVICE_ID</c> when those are set, and the engine's
    /// <c>Orleans:ClusterId</c> and <c>Orleans:ServiceId</c> must stay the ones in force.</summary>
    public static ISiloBuilder AddEngineKubernetes(this ISiloBuilder silo) => silo.UseKubernetesHosting();
}
