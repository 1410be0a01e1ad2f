using Microsoft.Extensions.Time.Testing;

namespace Engagement.UnitTests.Grains;

/// <summary>Group commit as a grain uses it, one turn at a time: callers during a write share the next one, a failed
/// write fails only its own callers, and writes keep their gap.</summary>
public sealed class CoalescedWritesTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    // A grain's scheduler runs one turn at a time; so does this one.
    private readonly TaskScheduler _turns = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;

    [Fact]
    public async Task Callers_that_come_while_a_write_runs_share_the_next_write_which_starts_after_them()
    {
        var writes = 0;
        var firstStored = new TaskCompletionSource();
        var coalesced = new CoalescedWrites(async () =>
        {
            if (++writes == 1)
            {
                await firstStored.Task;
            }
        });

        await OneTurnAtATime(async () =>
        {
            var first = coalesced.WriteAsync();
            var second = coalesced.WriteAsync();
            var third = coalesced.WriteAsync();
            Assert.Equal(1, writes);
            Assert.Same(second, third);
            Assert.False(first.IsCompleted);

            firstStored.SetResult();
            await Task.WhenAll(first, second).WaitAsync(Deadline);
            Assert.Equal(2, writes);
        });
    }

    [Fact]
    public async Task A_failed_write_fails_its_callers_and_the_next_call_writes_again()
    {
        var writes = 0;
        var coalesced = new CoalescedWrites(() => ++writes == 1 ? Task.FromException(new IOException("storage is away")) : Task.CompletedTask);

        await OneTurnAtATime(async () =>
        {
            await Assert.ThrowsAsync<IOException>(() => coalesced.WriteAsync().WaitAsync(Deadline));
            await coalesced.WriteAsync().WaitAsync(Deadline);
            Assert.Equal(2, writes);
        });
    }

    [Fact]
    public async Task A_write_waits_for_the_gap_since_the_last_one_began_and_takes_every_caller_of_that_time()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var writes = 0;
        var coalesced = new CoalescedWrites(() =>
        {
            writes++;
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(100), clock);

        var (second, third) = await OneTurnAtATime(async () =>
        {
            await coalesced.WriteAsync().WaitAsync(Deadline);
            clock.Advance(TimeSpan.FromMilliseconds(30));
            return (coalesced.WriteAsync(), coalesced.WriteAsync());
        });
        clock.Advance(TimeSpan.FromMilliseconds(69));
        Assert.False(second.IsCompleted);
        Assert.Equal(1, writes);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(second, third).WaitAsync(Deadline);
        Assert.Equal(2, writes);
    }

    private Task OneTurnAtATime(Func<Task> body) => Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.None, _turns).Unwrap();

    private Task<T> OneTurnAtATime<T>(Func<Task<T>> body) => Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.None, _turns).Unwrap();
}
