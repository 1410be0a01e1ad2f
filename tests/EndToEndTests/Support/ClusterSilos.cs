using System.Globalization;
using Engagement.Silo.Kafka;

namespace Engagement.EndToEndTests.Support;

/// <summary>Silo processes of one cluster as <c>bash scripts/cluster.sh</c> starts them, for the tests that start
/// several.</summary>
internal static class ClusterSilos
{
    /// <summary>Settings for the silos of cluster <paramref name="name"/>: its own topic of that name (created with
    /// <paramref name="partitions"/> partitions), consumer group and table, Azure Table membership in the fixture's
    /// Azurite under cluster id <paramref name="name"/>, reached on loopback.</summary>
    public static Dictionary<string, string?> ClusterSettings(this EngineFixture fixture, string name, int partitions)
    {
        fixture.CreateTopics(new KafkaTopicSpec(name, partitions));
        var settings = fixture.EngineSettings(name);
        settings["Kafka:Topics:0"] = name;
        settings["Orleans:Clustering"] = "AzureTable";
        settings["Orleans:ClusterId"] = name;
        settings["Orleans:AdvertisedAddress"] = "127.0.0.1";
        return settings;
    }

    /// <summary>The port the silo listens on for the other silos: its key in the membership table.</summary>
    public static int SiloPort(this EngineProcess silo) => int.Parse(silo.Settings["Orleans:SiloPort"]!, CultureInfo.InvariantCulture);

    /// <summary>Asserts that both silos' APIs answer the same JSON for each customer.</summary>
    public static async Task AssertSameFromEitherAsync(EngineProcess one, EngineProcess other, IEnumerable<string> customerIds)
    {
        var token = Tokens.Valid("service");
        foreach (var customerId in customerIds)
        {
            var here = (await one.Http.GetJsonAsync($"/api/customers/{customerId}", token))!.Value.GetRawText();
            var there = (await other.Http.GetJsonAsync($"/api/customers/{customerId}", token))!.Value.GetRawText();
            Assert.Equal(here, there);
        }
    }
}
