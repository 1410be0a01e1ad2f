using System.Net;
using Engagement.Silo.Hosting;
using Engagement.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;

namespace Engagement.EndToEndTests.Host;

/// <summary><c>Orleans:Kubernetes</c>: refused at start without the pod's variables or a membership table; on, the
/// silo is the pod (its name, its IP) under the engine's cluster ids; off, none of the package is registered.</summary>
public sealed class KubernetesHostingTests
{
    private static readonly KubernetesPod Pod = new("engine-7d9f-x2x", "bank", "10.1.2.3");

    private static readonly OrleansOptions InCluster = new() { Kubernetes = true, Clustering = ClusteringKind.AzureTable, ClusterId = "bank-prod" };

    [Fact]
    public void On_without_the_pods_variables_the_start_is_refused_in_one_line()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection([
            KeyValuePair.Create("Orleans:Kubernetes", (string?)"true"), KeyValuePair.Create("Orleans:Clustering", (string?)"AzureTable")]).Build();
        var refused = Assert.Throws<OptionsValidationException>(() => EngineSettings.CheckEarly(settings));
        Assert.Equal(["Orleans:Kubernetes=true needs the environment variables POD_NAME, POD_NAMESPACE, POD_IP from the pod's downward API (missing: POD_NAME, POD_NAMESPACE, POD_IP)"],
            InvalidSettings.ProblemsOf(refused));
    }

    [Fact]
    public void On_it_needs_every_pod_variable_an_ip_address_and_a_membership_table()
    {
        Assert.Equal(["Orleans:Kubernetes=true needs the environment variables POD_NAME, POD_NAMESPACE, POD_IP from the pod's downward API (missing: POD_NAME, POD_IP)"],
            KubernetesPod.ProblemsWith(InCluster, new KubernetesPod("", "bank", " ")));
        Assert.Equal(["Orleans:Kubernetes=true needs a membership table the pods share (Orleans:Clustering=AzureTable or Redis, got Localhost)",
                "Orleans:Kubernetes=true needs POD_IP to be an IP address (got 'pod-ip')"],
            KubernetesPod.ProblemsWith(new OrleansOptions { Kubernetes = true }, Pod with { IP = "pod-ip" }));
        Assert.Empty(KubernetesPod.ProblemsWith(InCluster, Pod));
        Assert.Empty(KubernetesPod.ProblemsWith(new OrleansOptions(), new KubernetesPod("", "", "")));
    }

    [Fact]
    public void On_the_silo_is_the_pod_under_the_engines_cluster_ids_and_the_package_accepts_it()
    {
        using var environment = new PodEnvironment(Pod);
        using var silo = Silo(InCluster);

        Assert.Contains(silo.Registrations, d => d.ImplementationType == typeof(KubernetesClusterAgent));
        Assert.Equal(Pod.Name, silo.Get<SiloOptions>().SiloName);
        Assert.Equal(IPAddress.Parse(Pod.IP), silo.Get<EndpointOptions>().AdvertisedIPAddress);
        Assert.Equal(("bank-prod", "engagement-engine"), (silo.Get<ClusterOptions>().ClusterId, silo.Get<ClusterOptions>().ServiceId));
        // Reading the package's options runs its own validator: namespace and pod name set, the silo named as the pod.
        Assert.NotNull(silo.Get<KubernetesHostingOptions>());
    }

    [Fact]
    public void Off_nothing_of_the_package_is_registered_and_the_silo_advertises_as_before()
    {
        using var silo = Silo(new OrleansOptions { Clustering = ClusteringKind.AzureTable, AdvertisedAddress = "127.0.0.1" });

        // The package's serialization metadata is registered as any referenced Orleans assembly's is; its services are not.
        Assert.DoesNotContain(silo.Registrations, d => d.ImplementationType?.Namespace == typeof(KubernetesHostingOptions).Namespace);
        Assert.Equal(IPAddress.Loopback, silo.Get<EndpointOptions>().AdvertisedIPAddress);
    }

    // The silo's services as the engine registers its clustering, built but not started: nothing is reached.
    private static BuiltSilo Silo(OrleansOptions orleans)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleans(silo => silo.AddEngineClustering(orleans, new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" },
            KubernetesPod.FromEnvironment()));
        return new BuiltSilo([.. builder.Services], builder.Services.BuildServiceProvider());
    }

    private sealed record BuiltSilo(IReadOnlyList<ServiceDescriptor> Registrations, ServiceProvider Services) : IDisposable
    {
        public T Get<T>() where T : class => Services.GetRequiredService<IOptions<T>>().Value;

        public void Dispose() => Services.Dispose();
    }

    // The package reads the pod from the process's environment, as a pod's downward API sets it; nothing else in the
    // engine reads these variables, so setting them here for one test touches no other.
    private sealed class PodEnvironment : IDisposable
    {
        private static readonly string[] Names =
            [KubernetesHostingOptions.PodNameEnvironmentVariable, KubernetesHostingOptions.PodNamespaceEnvironmentVariable, KubernetesHostingOptions.PodIPEnvironmentVariable];

        public PodEnvironment(KubernetesPod pod)
        {
            foreach (var (name, value) in Names.Zip([pod.Name, pod.Namespace, pod.IP]))
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var name in Names)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
