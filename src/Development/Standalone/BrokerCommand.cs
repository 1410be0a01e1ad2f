using Engagement.Configuration;
using Engagement.Development.Kafka;
using Engagement.Silo.Kafka;

namespace Engagement.Development.Standalone;

/// <summary><c>broker</c>: the embedded Kafka broker alone, with the engine's topics, for several silos to share.</summary>
internal static class BrokerCommand
{
    /// <summary>Starts the broker, prints the settings every silo takes to use it, and runs until stopped.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        var options = ValidatedOptions.Read(configuration, KafkaOptions.Section, new KafkaOptionsValidator());
        using var broker = EmbeddedKafkaBroker.Start();
        // The mock takes no CreateTopics request from the silos' admin clients: the topics are made here.
        var created = broker.EnsureTopics(options.TopicSpecs());
        Console.WriteLine($"""
            Embedded Kafka broker is up ({created.Count} topics of {options.Partitions} partitions; records in memory only, Ctrl+C stops it).
            Give every silo these settings:
              Kafka__BootstrapServers={broker.BootstrapServers}
              Kafka__ClusterName=embedded-{Guid.NewGuid():N}
            """);
        await UntilStopped.WaitAsync();
        Console.WriteLine("Embedded Kafka broker stopped.");
        return 0;
    }
}
