using System.Text;
using Confluent.Kafka;
using Engagement.EndToEndTests.Support;
using Engagement.Ingest;
using Engagement.Silo.Kafka;

namespace Engagement.EndToEndTests.Engine;

/// <summary>The records that used to stop the engine, through the Kafka protocol: each is dead-lettered with its reason,
/// the good record after each is applied exactly, and the engine answers ready throughout.</summary>
[Collection(EngineCollection.Name)]
public sealed class HostileRecordTests(EngineFixture fixture) : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private string DeadLetterTopic => $"dl-hostile-{_run}";
    private TestEngine _engine = null!;
    private TestProducer _producer = null!;

    public async Task InitializeAsync()
    {
        // A dead-letter topic of its own, in one partition: everything on it is this test's, in order.
        fixture.CreateTopics(new KafkaTopicSpec(DeadLetterTopic, 1));
        var settings = fixture.EngineSettings($"hostile-{_run}");
        settings["Kafka:DeadLetterTopic"] = DeadLetterTopic;
        _engine = await TestEngine.StartAsync(settings);
        _producer = new TestProducer(fixture.BootstrapServers);
    }

    public async Task DisposeAsync()
    {
        _producer.Dispose();
        await _engine.DisposeAsync();
    }

    [Fact]
    public async Task Each_record_that_stopped_the_engine_is_dead_lettered_with_its_reason_and_the_next_record_is_applied()
    {
        var c = $"H-{_run}";
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        string Card(string id, decimal amount, int minute) => Json.Posted(id, c, at.AddMinutes(minute), "CC-1", "debit", "card_purchase", amount, null);
        var bad = new (byte[] Value, string Reason)[]
        {
            (Spliced(Card($"{c}-b1", 10m, 1), "\"CC-1\"", "\"CC-"u8.ToArray(), [0xff, 0xfe, (byte)'"']), "invalid_encoding"),
            (Spliced(Card($"{c}-b2", 10m, 1), "\"transaction.posted\"", [(byte)'"', 0xc3, 0x28, 0xa0, (byte)'"']), "invalid_encoding"),
            (Encoding.UTF8.GetBytes(Card($"{c}-b3", 10m, 1).Replace("\"CC-1\"", "\"CC-\\ud800\"", StringComparison.Ordinal)), "invalid_encoding"),
            (Encoding.UTF8.GetBytes(Json.Registered($"{c}-b4", c, at, "A7").Replace("Test Customer", "Li \\ud800 Wei", StringComparison.Ordinal)), "invalid_encoding"),
            (Encoding.UTF8.GetBytes(Card(new string('e', 1_048_576), 10m, 1)), "invalid_field:eventId"),
            (Encoding.UTF8.GetBytes(Card($"{c}-b6", 10m, 1).Replace(Json.Stamp(at.AddMinutes(1)), "9999-12-31T23:59:59+14:00", StringComparison.Ordinal)), "out_of_range:occurredAt"),
        };
        var good = new[]
        {
            Json.Registered($"{c}-1", c, at, "A7"),
            Json.Opened($"{c}-2", c, at, "S-1", "savings", 1_000.00m),
            Json.Posted($"{c}-3", c, at.AddMinutes(2), "S-1", "credit", "salary", 500.25m, 1_500.25m),
            Card($"{c}-4", 200.00m, 3),
            Card($"{c}-5", 99.99m, 4),
            Json.Posted($"{c}-6", c, at.AddMinutes(5), "S-1", "debit", "withdrawal", 0.25m, 1_500.00m),
            Card($"{c}-7", 1_234.56m, 6),
        };
        await using var readiness = new ReadinessWatch(_engine);
        var sent = new List<(DeliveryResult<byte[]?, byte[]?> Delivery, byte[] Value, string Reason)>();
        var key = Encoding.UTF8.GetBytes(c);
        // Each hostile record sits between two good ones, and a header that is not UTF-8 rides along on it.
        await _producer.SendAsync("cb.accounts", key, Encoding.UTF8.GetBytes(good[0]));
        for (var i = 0; i < bad.Length; i++)
        {
            var delivery = await _producer.SendAsync("cb.accounts", key, bad[i].Value, new Headers { { "trace", [0xff, 0x00, 0xfe] } });
            sent.Add((delivery, bad[i].Value, bad[i].Reason));
            await _producer.SendAsync("cb.accounts", key, Encoding.UTF8.GetBytes(good[i + 1]));
            // The good record after each hostile one is applied before the next is sent.
            await _engine.CustomerAfterAsync(c, i + 2);
        }

        var state = await _engine.CustomerAfterAsync(c, good.Length);
        Assert.Equal(good.Length, state.GetProperty("eventsApplied").GetInt64());
        Assert.Equal(1_500.00m, state.GetProperty("accounts").EnumerateArray()
            .Single(a => a.GetProperty("accountId").GetString() == "S-1").GetProperty("balance").GetDecimal());
        // Standard tier (AUM 1,500.00), card purchases at 0.1: floor(20.0) + floor(9.999) + floor(123.456) = 20 + 9 + 123.
        Assert.Equal(152, state.GetProperty("points").GetProperty("balance").GetInt64());

        using var deadLetters = new TopicReader(fixture.BootstrapServers, DeadLetterTopic);
        var read = deadLetters.ReadUntil(r => r.Count >= bad.Length, TimeSpan.FromSeconds(30));
        Assert.Equal(sent.Select(s => ("cb.accounts", s.Delivery.Partition.Value.ToString(), s.Delivery.Offset.Value.ToString())),
            read.Select(r => (r.Headers["source-topic"], r.Headers["source-partition"], r.Headers["source-offset"])));
        Assert.Equal(["invalid_encoding", "invalid_encoding", "invalid_encoding", "invalid_encoding", "too_large", "out_of_range:occurredAt"],
            read.Select(r => r.Headers["error"]));
        Assert.All(read, r => Assert.Equal("\uFFFD\0\uFFFD", r.Headers["trace"]));
        for (var i = 0; i < bad.Length; i++)
        {
            if (i == 4)
            {
                continue;
            }
            Assert.Equal(sent[i].Value, read[i].ValueBytes);
        }

        // The 1 MB record: as much of it as the producer's 1,000,000-byte limit takes, its reason and size in headers.
        var large = read[4];
        Assert.Equal(("invalid_field:eventId", sent[4].Value.Length.ToString()),
            (large.Headers[DeadLetterMessage.OriginalErrorHeader], large.Headers[DeadLetterMessage.OriginalSizeHeader]));
        Assert.InRange(large.ValueBytes.Length, 999_000, 1_000_000);
        Assert.Equal(sent[4].Value[..large.ValueBytes.Length], large.ValueBytes);
        Assert.Equal(c, large.Key);

        await readiness.AssertAlwaysReadyAsync();
    }

    private static byte[] Spliced(string json, string find, params byte[][] replacement)
    {
        var at = json.IndexOf(find, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. replacement.SelectMany(r => r), .. Encoding.UTF8.GetBytes(json[(at + find.Length)..])];
    }
}
