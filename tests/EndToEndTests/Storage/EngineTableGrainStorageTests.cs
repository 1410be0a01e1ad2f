using Azure.Data.Tables;
using Engagement.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Engagement.EndToEndTests.Storage;

/// <summary>The provider against a real Azurite, called directly as Orleans' state bridge calls it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EngineTableGrainStorageTests(AzuriteFixture azurite)
{
    private const string StateName = "state";
    private const string GrainType = "sample";

    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(SampleState).Assembly))
        .BuildServiceProvider();

    private static readonly Serializer Serializer = Services.GetRequiredService<Serializer>();

    // Each test gets its own table: xunit builds a new instance of this class per test.
    private readonly string _tableName = AzuriteFixture.NewTableName();

    [Fact]
    public async Task A_written_state_reads_back_identical_with_the_same_etag()
    {
        var grain = Grain("C1001");
        var written = new GrainState<SampleState>(Sample("alpha", payloadBytes: 100));
        await NewStorage().WriteStateAsync(StateName, grain, written);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        var read = await ReadAsync(NewStorage(), grain);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        AssertSameState(written.State, read.State);
    }

    [Fact]
    public async Task A_second_write_replaces_the_state_and_changes_the_etag()
    {
        var storage = NewStorage();
        var grain = Grain("C1001");
        var state = new GrainState<SampleState>(Sample("first"));
        await storage.WriteStateAsync(StateName, grain, state);
        var firstETag = state.ETag;

        state.State = Sample("second");
        await storage.WriteStateAsync(StateName, grain, state);

        Assert.NotEqual(firstETag, state.ETag);
        var read = await ReadAsync(storage, grain);
        Assert.Equal("second", read.State!.Name);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_state_never_written_reads_as_a_fresh_default()
    {
        var read = new GrainState<SampleState>(Sample("left over from before"), "stale-etag") { RecordExists = true };
        await NewStorage().ReadStateAsync(StateName, Grain("never-seen"), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal("", read.State!.Name);
        Assert.Empty(read.State!.Balances);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_leaves_the_stored_state_unchanged()
    {
        var storage = NewStorage();
        var grain = Grain("C1001");
        var (winner, loser) = await OverwrittenAsync(storage, grain);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, loser));

        var read = await ReadAsync(storage, grain);
        Assert.Equal("v2", read.State!.Name);
        Assert.Equal(winner.ETag, read.ETag);
    }

    [Fact]
    public async Task A_first_write_over_a_state_someone_else_created_is_refused()
    {
        var storage = NewStorage();
        var grain = Grain("C1001");
        var existing = new GrainState<SampleState>(Sample("theirs"));
        await storage.WriteStateAsync(StateName, grain, existing);

        var unaware = new GrainState<SampleState>(Sample("ours"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, unaware));

        Assert.Equal("theirs", (await ReadAsync(storage, grain)).State!.Name);
    }

    [Fact]
    public async Task Concurrent_writers_that_re_read_and_re_apply_on_conflict_lose_no_update()
    {
        const int writers = 2;
        const int appendsEach = 10;
        var grain = Grain("C1001");

        // Each writer stands for an activation on its own silo: its own provider and its own copy of the state.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var storage = NewStorage();
            var copy = await ReadAsync(storage, grain);
            for (var i = 0; i < appendsEach; i++)
            {
                while (true)
                {
                    copy.State!.Recent.Add(writer * 1000 + i);
                    try
                    {
                        await storage.WriteStateAsync(StateName, grain, copy);
                        break;
                    }
                    catch (InconsistentStateException)
                    {
                        copy = await ReadAsync(storage, grain);
                    }
                }
            }
        })));

        var final = await ReadAsync(NewStorage(), grain);
        var expected = Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, appendsEach).Select(i => (long)(w * 1000 + i)));
        Assert.Equal(expected.Order(), final.State!.Recent.Order());
    }

    [Fact]
    public async Task A_300_KiB_state_is_split_over_64_KiB_properties_and_reads_back_identical()
    {
        var storage = NewStorage();
        var grain = Grain("C1001");
        var written = new GrainState<SampleState>(Sample("large", payloadBytes: 300 * 1024));
        await storage.WriteStateAsync(StateName, grain, written);

        var entity = await ReadEntityAsync(grain);
        var chunks = entity.GetInt32(StateEntityCodec.ChunkCountProperty);
        Assert.Equal((int)Math.Ceiling(Serializer.SerializeToArray(written.State!).Length / (double)StateEntityCodec.ChunkBytes), chunks);
        Assert.True(chunks >= 5);
        Assert.All(Enumerable.Range(0, chunks!.Value), i =>
            Assert.InRange(entity.GetBinary(StateEntityCodec.ChunkPropertyPrefix + i)!.Length, 1, StateEntityCodec.ChunkBytes));
        AssertSameState(written.State, (await ReadAsync(NewStorage(), grain)).State);
    }

    [Fact]
    public async Task A_repetitive_state_over_the_limit_is_stored_compressed_under_it_and_reads_back_identical()
    {
        var storage = NewStorage();
        var grain = Grain("C1001");
        var written = new GrainState<SampleState>(Sample(string.Concat(Enumerable.Repeat("Term deposit TD-1 of 500,000.00 matures soon. ", 30_000))));
        var rawLength = Serializer.SerializeToArray(written.State!).Length;
        Assert.True(rawLength > StateEntityCodec.MaxStateBytes);

        await storage.WriteStateAsync(StateName, grain, written);

        var entity = await ReadEntityAsync(grain);
        Assert.Equal(StateEntityCodec.BrotliCodec, entity.GetString(StateEntityCodec.CodecProperty));
        Assert.Equal(rawLength, entity.GetInt32(StateEntityCodec.RawLengthProperty));
        Assert.Equal(1, entity.GetInt32(StateEntityCodec.ChunkCountProperty));
        AssertSameState(written.State, (await ReadAsync(NewStorage(), grain)).State);

        // Random bytes do not compress: stored as they are, in place of the compressed state.
        written.State = Sample("random", payloadBytes: 100 * 1024);
        await storage.WriteStateAsync(StateName, grain, written);
        Assert.False((await ReadEntityAsync(grain)).ContainsKey(StateEntityCodec.CodecProperty));
        AssertSameState(written.State, (await ReadAsync(NewStorage(), grain)).State);
    }

    [Fact]
    public async Task A_state_that_shrinks_leaves_no_stale_chunks_behind()
    {
        var storage = NewStorage();
        var grain = Grain("C1001");
        var state = new GrainState<SampleState>(Sample("large", payloadBytes: 200 * 1024));
        await storage.WriteStateAsync(StateName, grain, state);

        state.State = Sample("small", payloadBytes: 10);
        await storage.WriteStateAsync(StateName, grain, state);

        var entity = await ReadEntityAsync(grain);
        Assert.Equal(1, entity.GetInt32(StateEntityCodec.ChunkCountProperty));
        Assert.False(entity.ContainsKey(StateEntityCodec.ChunkPropertyPrefix + 1));
        AssertSameState(state.State, (await ReadAsync(storage, grain)).State);
    }

    [Fact]
    public async Task A_state_of_exactly_the_limit_is_stored_and_one_byte_more_is_refused_with_a_clear_error()
    {
        var storage = NewStorage();
        var grain = Grain("C1001");
        var atLimit = new GrainState<SampleState>(SampleOfSerializedSize(StateEntityCodec.MaxStateBytes));
        await storage.WriteStateAsync(StateName, grain, atLimit);
        AssertSameState(atLimit.State, (await ReadAsync(storage, grain)).State);

        var overLimit = new GrainState<SampleState>(SampleOfSerializedSize(StateEntityCodec.MaxStateBytes + 1), atLimit.ETag)
        {
            RecordExists = true,
        };
        var error = await Assert.ThrowsAsync<GrainStateTooLargeException>(() => storage.WriteStateAsync(StateName, grain, overLimit));

        Assert.Contains($"grain type '{GrainType}'", error.Message);
        Assert.Contains($"'{StateName}'", error.Message);
        Assert.Contains($"{StateEntityCodec.MaxStateBytes + 1:N0} bytes", error.Message);
        var read = await ReadAsync(storage, grain);
        Assert.Equal(atLimit.ETag, read.ETag);
        AssertSameState(atLimit.State, read.State);
    }

    [Fact]
    public async Task A_state_over_1_MiB_is_refused_before_anything_is_sent()
    {
        var storage = NewStorage();
        var grain = Grain("C1001");
        var huge = new GrainState<SampleState>(Sample("huge", payloadBytes: 3 * 1024 * 1024 / 2));

        var error = await Assert.ThrowsAsync<GrainStateTooLargeException>(() => storage.WriteStateAsync(StateName, grain, huge));

        Assert.Contains($"grain type '{GrainType}'", error.Message);
        Assert.Null(huge.ETag);
        Assert.False((await ReadAsync(storage, grain)).RecordExists);
    }

    [Fact]
    public async Task Clear_deletes_the_state_and_a_later_write_creates_it_anew()
    {
        var storage = NewStorage();
        var grain = Grain("C1001");
        var state = new GrainState<SampleState>(Sample("to be cleared"));
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal("", state.State!.Name);
        Assert.False((await ReadAsync(storage, grain)).RecordExists);

        state.State = Sample("reborn");
        await storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal("reborn", (await ReadAsync(storage, grain)).State!.Name);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_refused_and_keeps_the_state()
    {
        var storage = NewStorage();
        var grain = Grain("C1001");
        var (_, stale) = await OverwrittenAsync(storage, grain);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, stale));

        Assert.Equal("v2", (await ReadAsync(storage, grain)).State!.Name);
    }

    [Fact]
    public async Task Clear_of_a_state_someone_else_already_deleted_succeeds()
    {
        var storage = NewStorage();
        var grain = Grain("C1001");
        var first = new GrainState<SampleState>(Sample("v1"));
        await storage.WriteStateAsync(StateName, grain, first);
        var second = new GrainState<SampleState>(first.State, first.ETag) { RecordExists = true };
        await storage.ClearStateAsync(StateName, grain, first);

        await storage.ClearStateAsync(StateName, grain, second);

        Assert.False(second.RecordExists);
        Assert.False((await ReadAsync(storage, grain)).RecordExists);
    }

    [Fact]
    public async Task Clear_without_an_etag_refuses_to_delete_a_state_it_has_not_seen()
    {
        var storage = NewStorage();
        var grain = Grain("C1001");
        await storage.WriteStateAsync(StateName, grain, new GrainState<SampleState>(Sample("theirs")));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.ClearStateAsync(StateName, grain, new GrainState<SampleState>(new SampleState())));

        Assert.Equal("theirs", (await ReadAsync(storage, grain)).State!.Name);
    }

    [Fact]
    public async Task Keys_with_characters_azure_forbids_are_stored_apart_and_read_back()
    {
        var storage = NewStorage();
        // "a~2Fb" and "a_b" are what a lossy escaping of "a/b" would produce: they must stay distinct rows.
        string[] keys = ["a/b", "a\\b", "a#b", "a?b", "tab\there", "line\nbreak", "del\u007f\u0085", "a~2Fb", "a_b", "a~b", "~~"];
        foreach (var key in keys)
        {
            await storage.WriteStateAsync(StateName, Grain(key), new GrainState<SampleState>(Sample(key)));
            await storage.WriteStateAsync("other/state#2", Grain(key), new GrainState<SampleState>(Sample("other " + key)));
        }

        foreach (var key in keys)
        {
            Assert.Equal(key, (await ReadAsync(storage, Grain(key))).State!.Name);
            Assert.Equal("other " + key, (await ReadAsync(storage, Grain(key), "other/state#2")).State!.Name);
        }
        var rows = new TableClient(azurite.ConnectionString, _tableName).QueryAsync<TableEntity>(select: ["RowKey"]);
        Assert.Equal(keys.Length * 2, await rows.CountAsync());
    }

    [Fact]
    public async Task A_grain_key_too_long_for_a_table_key_is_refused_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            NewStorage().WriteStateAsync(StateName, Grain(new string('k', 600)), new GrainState<SampleState>(Sample("x"))));

        Assert.Contains("512", error.Message);
    }

    [Fact]
    public void The_default_options_point_at_azurites_usual_table_endpoint()
    {
        var options = new EngineTableStorageOptions();
        var table = new TableClient(options.ConnectionString, options.TableName);

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1/EngineGrainState"), table.Uri);
    }

    [Fact]
    public void An_invalid_table_name_is_refused_when_the_provider_is_built()
    {
        var error = Assert.Throws<ArgumentException>(() => new EngineTableGrainStorage(
            "customers",
            new EngineTableStorageOptions { TableName = "grain-state" },
            Serializer,
            Services.GetRequiredService<IActivatorProvider>()));

        Assert.Contains("'grain-state'", error.Message);
    }

    private EngineTableGrainStorage NewStorage() => new(
        "test",
        new EngineTableStorageOptions { ConnectionString = azurite.ConnectionString, TableName = _tableName },
        Serializer,
        Services.GetRequiredService<IActivatorProvider>());

    private static GrainId Grain(string key) => GrainId.Create(GrainType, key);

    // The grain's state written as "v1" then as "v2", and a copy that still holds the ETag "v1" was written with.
    private static async Task<(GrainState<SampleState> Current, GrainState<SampleState> Stale)> OverwrittenAsync(
        EngineTableGrainStorage storage, GrainId grain)
    {
        var current = new GrainState<SampleState>(Sample("v1"));
        await storage.WriteStateAsync(StateName, grain, current);
        var stale = new GrainState<SampleState>(Sample("v2 from a stale copy"), current.ETag) { RecordExists = true };
        current.State = Sample("v2");
        await storage.WriteStateAsync(StateName, grain, current);
        return (current, stale);
    }

    private static async Task<GrainState<SampleState>> ReadAsync(EngineTableGrainStorage storage, GrainId grain, string stateName = StateName)
    {
        var state = new GrainState<SampleState>(new SampleState());
        await storage.ReadStateAsync(stateName, grain, state);
        return state;
    }

    private async Task<TableEntity> ReadEntityAsync(GrainId grain) =>
        (await new TableClient(azurite.ConnectionString, _tableName)
            .GetEntityAsync<TableEntity>(TableKeys.PartitionKey(grain), TableKeys.RowKey(grain, StateName))).Value;

    private static SampleState Sample(string name, int payloadBytes = 0)
    {
        var payload = new byte[payloadBytes];
        new Random(payloadBytes).NextBytes(payload);
        return new SampleState
        {
            Name = name,
            Balances = new(StringComparer.Ordinal) { ["S-1"] = 500_000.00m, ["TD-1"] = 1_234.56m },
            Recent = [1, -2, long.MaxValue],
            Payload = payload,
        };
    }

    // The payload's length prefix grows with the payload, so converge on the exact size instead of computing it.
    private static SampleState SampleOfSerializedSize(int size)
    {
        var payloadBytes = size;
        while (true)
        {
            var sample = Sample("sized", payloadBytes);
            var actual = Serializer.SerializeToArray(sample).Length;
            if (actual == size)
            {
                return sample;
            }
            payloadBytes += size - actual;
        }
    }

    private static void AssertSameState(SampleState? expected, SampleState? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Balances, actual.Balances);
        Assert.Equal(expected.Recent, actual.Recent);
        Assert.True(expected.Payload.AsSpan().SequenceEqual(actual.Payload), "the payload differs");
    }
}
