using Confluent.Kafka;
using Engagement.Configuration;
using Engagement.Silo.Kafka;
using Engagement.Testing;
using Microsoft.Extensions.Configuration;

namespace Engagement.EndToEndTests.Host;

/// <summary>SPEC §6: any librdkafka setting under <c>Kafka:Client</c> reaches the consumer, the producer and the admin
/// client, beside the engine's own settings, which it may not override.</summary>
public sealed class KafkaClientsTests
{
    // As a bank's platform team sets them: environment variables, librdkafka's names after "Kafka__Client__".
    private static readonly KafkaOptions SaslCluster = ValidatedOptions.Read(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = "broker-1.bank.internal:9093",
            ["Kafka:Client:security.protocol"] = "SASL_SSL",
            ["Kafka:Client:sasl.mechanism"] = "SCRAM-SHA-512",
            ["Kafka:Client:sasl.username"] = "engagement-engine",
            ["Kafka:Client:ssl.ca.location"] = "/etc/ssl/certs/bank-ca.pem",
        })
        .Build(), KafkaOptions.Section, new KafkaOptionsValidator());

    public static TheoryData<string> Clients => ["consumer", "producer", "admin"];

    [Theory]
    [MemberData(nameof(Clients))]
    public void Every_client_carries_the_client_settings_and_the_bootstrap_servers(string client)
    {
        ClientConfig config = client switch
        {
            "consumer" => KafkaClients.Consumer(SaslCluster),
            "producer" => KafkaClients.Producer(SaslCluster),
            _ => KafkaClients.Admin(SaslCluster),
        };

        Assert.Equal(("SASL_SSL", "SCRAM-SHA-512", "engagement-engine", "/etc/ssl/certs/bank-ca.pem", "broker-1.bank.internal:9093"),
            (config.Get("security.protocol"), config.Get("sasl.mechanism"), config.Get("sasl.username"), config.Get("ssl.ca.location"),
                config.BootstrapServers));
    }

    [Fact]
    public void The_engines_own_guarantees_stay_as_they_are()
    {
        var consumer = KafkaClients.Consumer(SaslCluster);
        var producer = KafkaClients.Producer(SaslCluster);
        Assert.Equal((false, true, "engagement-engine"), (consumer.EnableAutoOffsetStore, consumer.EnableAutoCommit, consumer.GroupId));
        Assert.Equal((true, Acks.All), (producer.EnableIdempotence, producer.Acks));
    }

    [Fact]
    public void A_client_setting_the_engine_owns_is_refused_by_name()
    {
        Assert.Equal(["Kafka:Client must not set enable.auto.offset.store, group.id: the engine sets them itself " +
                      "(Kafka:BootstrapServers, Kafka:GroupId and the other Kafka settings)"],
            Checked.Problems(new KafkaOptionsValidator(), o => o.Client = new Dictionary<string, string>
            {
                ["group.id"] = "other", ["enable.auto.offset.store"] = "true", ["security.protocol"] = "SSL",
            }));
        Assert.Empty(Checked.Problems(new KafkaOptionsValidator(), o => o.Client["client.id"] = "engine-7"));
    }
}
