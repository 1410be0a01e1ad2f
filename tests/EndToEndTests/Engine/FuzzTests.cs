using System.Text;
using Engagement.EndToEndTests.Support;
using Engagement.Ingest;
using Engagement.Silo.Kafka;
using Engagement.Testing;

namespace Engagement.EndToEndTests.Engine;

/// <summary>Seeded hostile records of every SPEC type interleaved with good traffic, through Kafka: every hostile record
/// is dead-lettered exactly once with the parser's reason (or, if the mutation left it valid, applied or rejected by
/// the rules once), every good customer's state is exact, and the engine stays ready throughout.</summary>
[Collection(EngineCollection.Name)]
public sealed class FuzzTests(EngineFixture fixture) : IAsyncLifetime
{
    private const int Payloads = 2_400;
    private const int FuzzCustomers = 120;
    private const int Seed = 15;

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private string InputTopic => $"fuzz-in-{_run}";
    private string DeadLetterTopic => $"fuzz-dl-{_run}";
    private string Group => $"fuzz-{_run}";
    private TestEngine _engine = null!;
    private TestProducer _producer = null!;

    public async Task InitializeAsync()
    {
        fixture.CreateTopics(new KafkaTopicSpec(InputTopic, 4), new KafkaTopicSpec(DeadLetterTopic, 1));
        var settings = fixture.EngineSettings(Group);
        // The records are counted by their source topic, so whether this adds to the default topics or replaces them
        // does not matter.
        settings["Kafka:Topics:0"] = InputTopic;
        settings["Kafka:DeadLetterTopic"] = DeadLetterTopic;
        _engine = await TestEngine.StartAsync(settings);
        _producer = new TestProducer(fixture.BootstrapServers);
    }

    public async Task DisposeAsync()
    {
        _producer.Dispose();
        await _engine.DisposeAsync();
    }

    private sealed record Sent(byte[]? Key, byte[] Value, string Mutation, ParsedRecord Expected, bool Good);

    [Fact]
    public async Task Every_hostile_record_is_accounted_for_once_and_every_good_record_applies_exactly()
    {
        var traffic = new Traffic(_run, customers: 40, eventsPerCustomer: 25, seed: Seed);
        var records = Interleave(traffic, Hostile());
        await using var readiness = new ReadinessWatch(_engine);

        var deliveries = await Task.WhenAll(records.Select(r => _producer.SendAsync(InputTopic, r.Key, r.Value)).ToList());
        var sent = deliveries.Zip(records).ToDictionary(d => (d.First.Partition.Value, d.First.Offset.Value), d => d.Second);

        var expected = traffic.Expected();
        foreach (var customerId in traffic.CustomerIds)
        {
            TrafficAssertions.AssertMatches(expected[customerId], await _engine.CustomerAfterAsync(customerId, expected[customerId].EventsApplied, TimeSpan.FromSeconds(90)));
        }
        // Offsets are committed only once every record before them is applied or dead-lettered.
        await Eventually.MatchAsync(() => Task.FromResult(CommittedOffsets.Total(fixture.BootstrapServers, Group, InputTopic)),
            total => total == records.Count, TimeSpan.FromSeconds(60), "every fuzzed record to be committed");
        var deadLetterCount = CommittedOffsets.End(fixture.BootstrapServers, DeadLetterTopic);
        using var reader = new TopicReader(fixture.BootstrapServers, DeadLetterTopic);
        var dead = reader.ReadUntil(r => r.Count >= deadLetterCount, TimeSpan.FromSeconds(30))
            .Where(r => r.Headers["source-topic"] == InputTopic)
            .GroupBy(r => (int.Parse(r.Headers["source-partition"]), long.Parse(r.Headers["source-offset"])))
            .ToDictionary(g => g.Key, g => g.ToList());

        Assert.All(dead.Keys, at => Assert.True(sent.ContainsKey(at), $"a dead letter for {at}, which was never sent"));
        var appliedPerFuzzCustomer = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (at, record) in sent)
        {
            var letters = dead.GetValueOrDefault(at, []);
            var what = $"{record.Mutation} at {at}: {Encoding.UTF8.GetString(record.Value[..Math.Min(200, record.Value.Length)])}";
            if (record.Good)
            {
                Assert.True(letters.Count == 0, $"good record dead-lettered: {what}");
            }
            else if (record.Expected.Error is { } reason)
            {
                Assert.True(letters.Count == 1, $"{letters.Count} dead letters for {what}");
                Assert.Equal(reason, letters[0].Headers["error"]);
                Assert.Equal(record.Value, letters[0].ValueBytes);
            }
            else
            {
                // Valid after all: applied, or rejected by the rules (say, no balanceAfter on a known savings account).
                Assert.True(letters.Count <= 1, $"{letters.Count} dead letters for {what}");
                if (letters.Count == 0 && record.Expected.Customer is { } e)
                {
                    appliedPerFuzzCustomer[e.CustomerId] = appliedPerFuzzCustomer.GetValueOrDefault(e.CustomerId) + 1;
                }
                if (record.Expected.Nav is not null)
                {
                    Assert.True(letters.Count == 0, $"a NAV update dead-lettered: {what}");
                }
            }
        }
        for (var i = 0; i < FuzzCustomers; i++)
        {
            var customerId = FuzzCustomer(i);
            var state = await _engine.GetJsonAsync($"/api/customers/{customerId}");
            Assert.Equal((customerId, appliedPerFuzzCustomer.GetValueOrDefault(customerId)),
                (customerId, state?.GetProperty("eventsApplied").GetInt64() ?? 0));
        }
        var hostile = sent.Values.Count(r => !r.Good);
        Assert.True(hostile >= 2_000 && sent.Values.Count(r => r.Expected.Error is not null) > hostile / 2,
            $"{hostile} hostile records, {sent.Values.Count(r => r.Expected.Error is not null)} of them bad");
        await readiness.AssertAlwaysReadyAsync();
    }

    private string FuzzCustomer(int i) => $"Z{_run}-{i:D3}";

    // Mutations seeded per run; a mutation that is valid keeps a fresh eventId, so each applies (or is rejected) once.
    private List<Sent> Hostile()
    {
        var parser = new EventParser("CNY");
        var fuzzer = new PayloadFuzzer(Seed);
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);
        var valid = new HashSet<(string, string)>();
        var hostile = new List<Sent>();
        for (var n = 0; hostile.Count < Payloads; n++)
        {
            var payload = fuzzer.Next($"z{_run}-{n}", FuzzCustomer(n % FuzzCustomers), $"ZP{_run}-{n % 7}", start.AddSeconds(n * 0.25));
            var parsed = parser.Parse(payload.Key, payload.Value);
            if (parsed.Customer is { } e && !valid.Add((e.CustomerId, e.EventId)))
            {
                continue;
            }
            hostile.Add(new Sent(payload.Key, payload.Value, payload.Mutation, parsed, Good: false));
        }
        return hostile;
    }

    private static List<Sent> Interleave(Traffic traffic, List<Sent> hostile)
    {
        var random = new Random(Seed);
        var good = new Queue<Sent>(traffic.Records.Select(r =>
            new Sent(Encoding.UTF8.GetBytes(r.Key), Encoding.UTF8.GetBytes(r.Value), "good", default, Good: true)));
        var bad = new Queue<Sent>(hostile);
        var all = new List<Sent>();
        while (good.Count + bad.Count > 0)
        {
            all.Add(bad.Count == 0 || (good.Count > 0 && random.Next(good.Count + bad.Count) < good.Count) ? good.Dequeue() : bad.Dequeue());
        }
        return all;
    }
}
