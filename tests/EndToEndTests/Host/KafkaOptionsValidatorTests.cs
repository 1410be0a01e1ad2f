using Engagement.Testing;
using Engagement.Silo.Kafka;

namespace Engagement.EndToEndTests.Host;

public sealed class KafkaOptionsValidatorTests
{
    private static IReadOnlyList<string> Problems(Action<KafkaOptions> change) => Checked.Problems(new KafkaOptionsValidator(), change);

    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Problems(_ => { }));

    [Fact]
    public void Partitions_start_at_one()
    {
        Assert.Equal(["Kafka:Partitions must be at least 1 (got 0)"], Problems(o => o.Partitions = 0));
        Assert.Empty(Problems(o => o.Partitions = 1));
    }

    [Fact]
    public void Batch_sizes_and_limits_start_at_one()
    {
        Assert.Equal(
            [
                "Kafka:MaxBatchSize must be at least 1 (got 0)",
                "Kafka:MaxBatchesInFlight must be at least 1 (got 0)",
                "Kafka:MaxRecordsAwaitingCheckpoint must be at least 1 (got 0)",
                "Kafka:MaxConcurrentApplies must be at least 1 (got 0)",
            ],
            Problems(o => (o.MaxBatchSize, o.MaxBatchesInFlight, o.MaxRecordsAwaitingCheckpoint, o.MaxConcurrentApplies) = (0, 0, 0, 0)));
        Assert.Empty(Problems(o => (o.MaxBatchSize, o.MaxBatchesInFlight, o.MaxRecordsAwaitingCheckpoint, o.MaxConcurrentApplies) = (1, 1, 1, 1)));
    }

    [Theory]
    [InlineData(4_095, 1, 0, false)]
    [InlineData(4_096, 1, 0, true)]
    [InlineData(1_000_000_000, 3_600_000, 300_000, true)]
    [InlineData(1_000_000_001, 1, 0, false)]
    [InlineData(4_096, 0, 0, false)]
    [InlineData(4_096, 3_600_001, 0, false)]
    [InlineData(4_096, 1, -1, false)]
    [InlineData(4_096, 1, 300_001, false)]
    public void Sizes_and_waits_stay_within_what_librdkafka_takes(int messageMaxBytes, int sessionTimeoutMs, int fetchWaitMaxMs, bool valid) =>
        Assert.Equal(valid, Problems(o => (o.MessageMaxBytes, o.SessionTimeoutMs, o.FetchWaitMaxMs) = (messageMaxBytes, sessionTimeoutMs, fetchWaitMaxMs)).Count == 0);

    [Fact]
    public void Topics_are_named_and_never_the_engines_own_output()
    {
        Assert.Equal(["Kafka:Topics must name at least one topic, none blank"], Problems(o => o.Topics = []));
        Assert.Equal(["Kafka:Topics must name at least one topic, none blank"], Problems(o => o.Topics = ["cb.customers", " "]));
        Assert.Equal(["Kafka:Topics must not include the engine's own output topics (eng.deadletter, eng.triggers)"],
            Problems(o => o.Topics = ["cb.customers", "eng.triggers"]));
        Assert.Equal(["Kafka:GroupId must be set", "Kafka:TriggersTopic must be set"], Problems(o => (o.GroupId, o.TriggersTopic) = ("", " ")));
    }
}
