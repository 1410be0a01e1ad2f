using System.Diagnostics.Metrics;
using Engagement.Checkpoints;
using Engagement.State;
using Engagement.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;

namespace Engagement.UnitTests.Checkpoints;

/// <summary>The checkpoint rules: a change is durable once a checkpoint that began after it is stored and the
/// effects posted before it are done; failed writes hold every later checkpoint; a lost concurrency check fails
/// only its own checkpoint's waiters; states unused for a whole sweep are packed and unpacked by their next use, and a
/// state a use unpacked after it went unused is packed again once the use's change is durable.</summary>
public sealed class CheckpointerTests : IAsyncLifetime
{
    private static readonly Serializer<CustomerState> Serializer =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer<CustomerState>>();

    private readonly ScriptedStore _store = new();
    private readonly SequenceTracker _effects = new();
    private readonly FakeTimeProvider _clock = new();
    private Checkpointer _checkpoints = null!;

    public Task InitializeAsync()
    {
        // The loop's own checkpoints never come within a test: each test takes them itself.
        // An interval longer than the packing period: each part of a sweep visits every state (see SweepPart).
        _checkpoints = NewCheckpointer(new CheckpointOptions { Interval = TimeSpan.FromHours(1) });
        return Task.CompletedTask;
    }

    private Checkpointer NewCheckpointer(CheckpointOptions options)
    {
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        return new Checkpointer(_store, _effects, Options.Create(options), _clock, new EngineMetrics(meters), NullLogger<Checkpointer>.Instance);
    }

    public async Task DisposeAsync() => await _checkpoints.DisposeAsync();

    [Fact]
    public async Task A_change_is_durable_after_the_next_checkpoint_and_the_store_holds_it()
    {
        var customer = await LoadAsync("C1");
        customer.State.EventsApplied = 7;
        var checkpoint = _checkpoints.MarkDirty(customer);
        var durable = _checkpoints.WhenDurableAsync(checkpoint);
        Assert.False(durable.IsCompleted);

        Assert.True(await _checkpoints.CheckpointAsync(CancellationToken.None));

        Assert.True(durable.IsCompletedSuccessfully);
        Assert.Equal(0, _checkpoints.PendingOf(customer));
        Assert.Equal(7, (await LoadAsync("C1")).State.EventsApplied);
    }

    [Fact]
    public async Task Every_state_changed_before_a_checkpoint_goes_in_one_store_request_once_however_often_it_changed()
    {
        var customers = await Task.WhenAll(Enumerable.Range(0, 250).Select(i => LoadAsync($"C{i}")));
        var checkpoints = customers.SelectMany(c => new[] { _checkpoints.MarkDirty(c), _checkpoints.MarkDirty(c) }).Distinct().ToList();

        await _checkpoints.CheckpointAsync(CancellationToken.None);

        Assert.Equal([1L], checkpoints);
        Assert.Equal([250], _store.RequestSizes);
    }

    [Fact]
    public async Task A_change_marked_after_a_checkpoint_took_its_states_waits_for_the_next_one()
    {
        var customer = await LoadAsync("C1");
        Assert.Equal(1, _checkpoints.MarkDirty(customer));
        await _checkpoints.CheckpointAsync(CancellationToken.None);

        customer.State.EventsApplied = 2;
        var second = _checkpoints.MarkDirty(customer);

        Assert.Equal(2, second);
        Assert.False(_checkpoints.WhenDurableAsync(second).IsCompleted);
        Assert.Equal(second, _checkpoints.PendingOf(customer));
    }

    [Fact]
    public async Task While_storage_is_down_no_checkpoint_is_durable_and_the_first_that_stores_covers_the_failed_ones()
    {
        var first = await LoadAsync("C1");
        var second = await LoadAsync("C2");
        var failedCheckpoint = _checkpoints.MarkDirty(first);
        _store.Down = true;

        Assert.False(await _checkpoints.CheckpointAsync(CancellationToken.None));
        var laterCheckpoint = _checkpoints.MarkDirty(second);
        Assert.False(await _checkpoints.CheckpointAsync(CancellationToken.None));
        Assert.False(_checkpoints.WhenDurableAsync(failedCheckpoint).IsCompleted);
        Assert.Equal(0, _checkpoints.Durable);

        _store.Down = false;
        Assert.True(await _checkpoints.CheckpointAsync(CancellationToken.None));

        Assert.True(_checkpoints.WhenDurableAsync(failedCheckpoint).IsCompletedSuccessfully);
        Assert.True(_checkpoints.WhenDurableAsync(laterCheckpoint).IsCompletedSuccessfully);
        Assert.Equal([1, 2, 2], _store.RequestSizes);
    }

    [Fact]
    public async Task A_checkpoint_is_not_durable_before_the_effects_posted_before_it_are_done()
    {
        var customer = await LoadAsync("C1");
        var effect = _effects.Begin();
        var checkpoint = _checkpoints.MarkDirty(customer);

        var taking = _checkpoints.CheckpointAsync(CancellationToken.None);
        var later = _effects.Begin();
        await _store.Written.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(_checkpoints.WhenDurableAsync(checkpoint).IsCompleted);

        _effects.End(effect);
        Assert.True(await taking);
        Assert.True(_checkpoints.WhenDurableAsync(checkpoint).IsCompletedSuccessfully);
        _effects.End(later);
    }

    [Fact]
    public async Task A_state_changed_by_another_writer_fails_its_checkpoint_and_marks_the_handle_but_later_checkpoints_go_on()
    {
        var stale = await LoadAsync("C1");
        var other = await LoadAsync("C2");
        var rival = await LoadAsync("C1");
        _checkpoints.MarkDirty(rival);
        await _checkpoints.CheckpointAsync(CancellationToken.None);

        var lost = _checkpoints.WhenDurableAsync(_checkpoints.MarkDirty(stale));
        _checkpoints.MarkDirty(other);
        Assert.True(await _checkpoints.CheckpointAsync(CancellationToken.None));

        var conflict = await Assert.ThrowsAsync<CheckpointConflictException>(() => lost);
        Assert.Equal(2, conflict.Checkpoint);
        await Assert.ThrowsAsync<CheckpointConflictException>(() => _checkpoints.WhenDurableAsync(2));
        Assert.True(stale.Conflicted);
        Assert.False(other.Conflicted);
        var next = _checkpoints.MarkDirty(other);
        await _checkpoints.CheckpointAsync(CancellationToken.None);
        Assert.True(_checkpoints.WhenDurableAsync(next).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Asked_about_its_own_checkpoints_it_answers_when_durable_and_about_anothers_that_they_are_not_known()
    {
        var customer = await LoadAsync("C1");
        var mark = _checkpoints.Mark(_checkpoints.MarkDirty(customer), "C1", "activation-1");
        Assert.Equal(new CheckpointMark(_checkpoints.Id, 1, "C1", "activation-1"), mark);
        Assert.Same(CheckpointMark.Durable, _checkpoints.Mark(0, "C1", "activation-1"));

        var durable = _checkpoints.WhenDurableAsync(mark.Checkpointer, [mark.Checkpoint]);
        Assert.False(durable.IsCompleted);
        Assert.False(await _checkpoints.WhenDurableAsync("a checkpointer of a silo that is gone", [mark.Checkpoint]));

        await _checkpoints.CheckpointAsync(CancellationToken.None);
        Assert.True(await durable);
    }

    [Fact]
    public async Task An_activation_follows_a_change_it_made_or_one_durable_here_but_not_one_pending_elsewhere()
    {
        var customer = await LoadAsync("C1");
        var pending = _checkpoints.Mark(_checkpoints.MarkDirty(customer), "C1", "gone");

        Assert.True(_checkpoints.Follows(CheckpointMark.Durable, "fresh"));
        Assert.True(_checkpoints.Follows(pending, "gone"));
        Assert.False(_checkpoints.Follows(pending, "fresh"));
        Assert.False(_checkpoints.Follows(pending with { Checkpointer = "another silo's" }, "fresh"));

        await _checkpoints.CheckpointAsync(CancellationToken.None);
        Assert.True(_checkpoints.Follows(pending, "fresh"));
        Assert.False(_checkpoints.Follows(pending with { Checkpointer = "another silo's" }, "fresh"));
    }

    [Fact]
    public async Task Asked_about_a_checkpoint_that_lost_a_state_it_answers_not_known()
    {
        var stale = await LoadAsync("C1");
        _checkpoints.MarkDirty(await LoadAsync("C1"));
        await _checkpoints.CheckpointAsync(CancellationToken.None);
        var lost = _checkpoints.MarkDirty(stale);
        await _checkpoints.CheckpointAsync(CancellationToken.None);

        Assert.False(await _checkpoints.WhenDurableAsync(_checkpoints.Id, [1, lost]));
        Assert.True(await _checkpoints.WhenDurableAsync(_checkpoints.Id, [1]));
    }

    [Fact]
    public async Task A_state_unused_for_a_whole_sweep_is_packed_and_its_next_use_unpacks_it_unchanged()
    {
        var customer = await LoadAsync("C1");
        customer.State.EventsApplied = 7;
        await StoreAsync(customer);

        Sweep();
        Assert.False(customer.Packed);
        Sweep();
        Assert.True(customer.Packed);

        Assert.Equal(7, customer.State.EventsApplied);
        Assert.False(customer.Packed);
    }

    [Fact]
    public async Task A_state_is_packed_compressed_when_that_is_smaller_and_unpacks_unchanged()
    {
        var customer = await LoadAsync("C1");
        var name = string.Concat(Enumerable.Repeat("王小明 ", 1_000));
        customer.State.Profile.Name = name;

        Sweep();
        Sweep();

        Assert.True(customer.Packed);
        Assert.InRange(customer.PackedBytes, 1, 1_000);
        Assert.Equal(name, customer.Copy().Profile.Name);
        Assert.Equal(name, customer.State.Profile.Name);
        Assert.Equal(0, customer.PackedBytes);
    }

    [Fact]
    public async Task A_change_made_after_the_last_checkpoint_is_packed_with_the_state_and_stored_by_the_next()
    {
        var customer = await LoadAsync("C1");
        await StoreAsync(customer);
        customer.State.EventsApplied = 3;

        Sweep();
        Sweep();
        Assert.True(customer.Packed);
        await StoreAsync(customer);

        Assert.True(customer.Packed);
        Assert.Equal(3, (await LoadAsync("C1")).State.EventsApplied);
    }

    [Fact]
    public async Task A_state_stays_unpacked_while_its_owner_has_effects_in_flight_and_a_forgotten_one_is_not_swept()
    {
        var customer = await LoadAsync("C1");
        var quiet = false;
        customer.Quiet = () => quiet;

        Sweep();
        Sweep();
        Assert.False(customer.Packed);
        quiet = true;
        Sweep();
        Assert.True(customer.Packed);

        var gone = await LoadAsync("C2");
        _checkpoints.Forget(gone);
        Sweep();
        Sweep();
        Assert.False(gone.Packed);
    }

    [Fact]
    public async Task A_stored_state_loads_packed_and_a_copy_reads_it_without_unpacking()
    {
        var first = await LoadAsync("C1");
        first.State.EventsApplied = 5;
        await StoreAsync(first);

        var again = await LoadAsync("C1");

        Assert.True(again.Packed);
        Assert.Equal(5, again.Copy().EventsApplied);
        Assert.True(again.Packed);
        Assert.Equal(5, again.State.EventsApplied);
    }

    [Fact]
    public async Task A_state_the_sweep_packed_is_packed_again_with_the_snapshot_of_the_checkpoint_that_stores_its_next_change()
    {
        var customer = await PackedAsync("C1");

        customer.State.EventsApplied = 4;
        Assert.False(customer.Packed);
        await StoreAsync(customer);

        Assert.True(customer.Packed);
        var stored = await _store.ReadAsync("C1", CancellationToken.None);
        Assert.Equal(stored!.Snapshot.Bytes.Length, customer.PackedBytes);
        Assert.Equal(4, customer.State.EventsApplied);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(10)]
    public async Task A_state_packed_at_a_checkpoint_is_packed_again_by_the_checkpoint_that_stores_its_next_change_however_soon_it_came(
        int unusedForSeconds)
    {
        var customer = await PackedAsync("C1");
        customer.State.EventsApplied = 1;
        await StoreAsync(customer);
        Assert.True(customer.Packed);
        _clock.Advance(TimeSpan.FromSeconds(unusedForSeconds));

        customer.State.EventsApplied = 2;
        await StoreAsync(customer);

        Assert.True(customer.Packed);
        Assert.Equal(2, customer.State.EventsApplied);
    }

    [Fact]
    public async Task A_state_used_right_after_it_was_loaded_is_packed_again_by_the_checkpoint_that_stores_the_change()
    {
        await StoreAsync(await LoadAsync("C1"));
        var loaded = await LoadAsync("C1");
        Assert.True(loaded.Packed);

        loaded.State.EventsApplied = 2;
        await StoreAsync(loaded);

        Assert.True(loaded.Packed);
        Assert.Equal(2, loaded.State.EventsApplied);
    }

    [Fact]
    public async Task A_state_used_while_its_checkpoint_is_written_is_packed_only_by_a_checkpoint_no_use_came_after()
    {
        var customer = await PackedAsync("C1");
        customer.State.EventsApplied = 1;
        _store.DuringWrite = () => customer.State.EventsApplied = 2;

        await StoreAsync(customer);
        Assert.False(customer.Packed);
        Assert.Equal(2, customer.State.EventsApplied);

        _store.DuringWrite = null;
        await StoreAsync(customer);
        Assert.True(customer.Packed);
        Assert.Equal(2, customer.State.EventsApplied);
        Assert.Equal(2, (await LoadAsync("C1")).State.EventsApplied);
    }

    [Fact]
    public async Task A_state_whose_owner_has_effects_in_flight_is_not_packed_after_its_checkpoint()
    {
        var customer = await PackedAsync("C1");
        customer.Quiet = () => false;

        customer.State.EventsApplied = 1;
        await StoreAsync(customer);

        Assert.False(customer.Packed);
    }

    [Fact]
    public async Task A_state_its_checkpoint_could_not_pack_is_packed_by_a_later_one_once_its_owner_is_quiet()
    {
        var (customer, quiet) = await CheckpointedWhileBusyAsync("C1");

        await _checkpoints.CheckpointAsync(CancellationToken.None);
        Assert.False(customer.Packed);
        quiet();
        customer.State.Points.Balance = 40;
        await _checkpoints.CheckpointAsync(CancellationToken.None);

        Assert.True(customer.Packed);
        Assert.Equal(40, customer.State.Points.Balance);
        Assert.Equal(1, (await LoadAsync("C1")).State.EventsApplied);
    }

    [Fact]
    public async Task A_state_still_busy_ten_checkpoints_after_its_own_is_left_to_the_sweep()
    {
        var (customer, quiet) = await CheckpointedWhileBusyAsync("C1");

        for (var i = 0; i < 10; i++)
        {
            await _checkpoints.CheckpointAsync(CancellationToken.None);
        }
        quiet();
        await _checkpoints.CheckpointAsync(CancellationToken.None);
        Assert.False(customer.Packed);

        Sweep();
        Sweep();
        Assert.True(customer.Packed);
    }

    [Fact]
    public async Task A_sweep_is_spread_over_its_period_a_share_of_the_states_at_each_checkpoint()
    {
        await using var checkpoints = NewCheckpointer(new CheckpointOptions { Interval = TimeSpan.FromSeconds(1), PackIdleAfter = TimeSpan.FromSeconds(10) });
        var customers = new List<CheckpointedState<CustomerState>>();
        for (var i = 0; i < 20; i++)
        {
            var customer = await checkpoints.LoadAsync($"C{i}", () => new CustomerState(), Serializer, CancellationToken.None);
            customer.State.EventsApplied = i;
            customers.Add(customer);
        }
        var packed = new List<int>();

        // The first period visits each state once (each was used once); the second packs two each second.
        _clock.Advance(TimeSpan.FromSeconds(10));
        for (var second = 0; second < 20; second++)
        {
            checkpoints.SweepPart();
            packed.Add(customers.Count(c => c.Packed));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20], packed);
    }

    // A whole sweep at once: the packing period has gone by, and the interval covers all of it.
    private void Sweep()
    {
        _clock.Advance(TimeSpan.FromSeconds(10));
        _checkpoints.SweepPart();
    }

    // Marks the state changed and takes the checkpoint that stores it.
    private async Task StoreAsync(CheckpointedState<CustomerState> customer)
    {
        _checkpoints.MarkDirty(customer);
        await _checkpoints.CheckpointAsync(CancellationToken.None);
    }

    // A packed state that a use changed while its owner had effects in flight, stored: its checkpoint could not pack it.
    private async Task<(CheckpointedState<CustomerState> Customer, Action Quiet)> CheckpointedWhileBusyAsync(string key)
    {
        var customer = await PackedAsync(key);
        var busy = true;
        customer.Quiet = () => !busy;
        customer.State.EventsApplied = 1;
        await StoreAsync(customer);
        Assert.False(customer.Packed);
        return (customer, () => busy = false);
    }

    // A stored state, used, that the second sweep since packed just now.
    private async Task<CheckpointedState<CustomerState>> PackedAsync(string key)
    {
        var customer = await LoadAsync(key);
        customer.State.EventsApplied = 0;
        await StoreAsync(customer);
        Sweep();
        Sweep();
        Assert.True(customer.Packed);
        return customer;
    }

    private Task<CheckpointedState<CustomerState>> LoadAsync(string key) =>
        _checkpoints.LoadAsync(key, () => new CustomerState(), Serializer, CancellationToken.None);

    // The memory store, with an outage switch and a record of each request's size.
    private sealed class ScriptedStore : ICheckpointStore
    {
        private readonly MemoryCheckpointStore _rows = new();

        public bool Down { get; set; }

        public List<int> RequestSizes { get; } = [];

        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Runs while a request is written, after the checkpoint took its snapshots.</summary>
        public Action? DuringWrite { get; set; }

        public Task<StoredCheckpoint?> ReadAsync(string key, CancellationToken cancellation) => _rows.ReadAsync(key, cancellation);

        public async Task<IReadOnlyList<CheckpointWriteResult>> WriteAsync(IReadOnlyList<CheckpointWrite> writes, CancellationToken cancellation)
        {
            RequestSizes.Add(writes.Count);
            if (Down)
            {
                throw new IOException("storage is unreachable");
            }
            DuringWrite?.Invoke();
            var results = await _rows.WriteAsync(writes, cancellation);
            Written.TrySetResult();
            return results;
        }
    }
}
