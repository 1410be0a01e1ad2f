using System.Text.Json;
using Confluent.Kafka;

namespace Engagement.Faults;

/// <summary>Reads a phase's whole triggers topic, as an outside consumer would, and compares its trigger ids with the
/// fold's: none missing, none extra, and each trigger's every publication of one status with the same content.</summary>
public static class TriggerCheck
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PollWait = TimeSpan.FromMilliseconds(200);

    /// <summary>Missing, extra and conflicting trigger ids; reads until every expected id is seen and the topic's end
    /// reached, or until <paramref name="patience"/> passes with nothing new.</summary>
    public static (int Missing, int Extra, int Conflicting) Run(string bootstrapServers, string topic, IReadOnlySet<string> expected,
        TimeSpan patience, TextWriter progress)
    {
        using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"faults-check-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        }).Build();
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build())
        {
            consumer.Assign(admin.GetMetadata(topic, MetadataTimeout).Topics.Single().Partitions
                .Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning)));
        }
        var contents = new Dictionary<(string Id, string Status), HashSet<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var atEnd = new HashSet<int>();
        var lastNew = DateTime.UtcNow;
        while (!(atEnd.Count == consumer.Assignment.Count && (expected.IsSubsetOf(seen) || DateTime.UtcNow - lastNew > patience)))
        {
            var result = consumer.Consume(PollWait);
            if (result is null)
            {
                continue;
            }
            if (result.IsPartitionEOF)
            {
                atEnd.Add(result.Partition.Value);
                continue;
            }
            atEnd.Remove(result.Partition.Value);
            lastNew = DateTime.UtcNow;
            using var trigger = JsonDocument.Parse(result.Message.Value);
            var root = trigger.RootElement;
            var id = root.GetProperty("triggerId").GetString()!;
            seen.Add(id);
            var key = (id, root.GetProperty("status").GetString()!);
            if (!contents.TryGetValue(key, out var variants))
            {
                contents[key] = variants = [];
            }
            variants.Add(string.Join('|', root.GetProperty("type").GetString(), root.GetProperty("customerId").GetString(),
                root.GetProperty("occurredAt").GetString(), root.GetProperty("sourceEventIds").GetRawText()));
        }
        var missing = expected.Except(seen).ToList();
        var extra = seen.Except(expected).ToList();
        var conflicting = contents.Where(c => c.Value.Count > 1).Select(c => c.Key.Id).Distinct().ToList();
        foreach (var (what, ids) in new[] { ("missing", missing), ("extra", extra), ("conflicting", conflicting) }.Where(c => c.Item2.Count > 0))
        {
            progress.WriteLine($"  triggers {what}: {string.Join(", ", ids.Take(5))}");
        }
        return (missing.Count, extra.Count, conflicting.Count);
    }
}
