using System.Collections.Concurrent;
using System.Reflection;
using Engagement.Schedule;
using Engagement.Silo.Schedule;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Engagement.EndToEndTests.Host;

/// <summary>The wake-up clock's cursor against scripted buckets: it moves past the hours a tick emptied, stops at the
/// first hour not emptied, and keeps what a tick cut short had emptied.</summary>
public sealed class DueClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Seven = Now.AddHours(-3).AddMinutes(-30);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly ScriptedGrains _grains = new();

    [Fact]
    public async Task A_tick_cut_short_keeps_the_hours_it_emptied_and_the_next_one_goes_on_from_there()
    {
        _grains.Cursor = Seven;
        _grains.Wake = (hour, shard) => hour == Seven.AddHours(2) && shard == 5
            ? Task.FromException<bool>(new TimeoutException("a customer's wake-up timed out"))
            : Task.FromResult(true);

        await Assert.ThrowsAsync<TimeoutException>(Clock().TickAsync);

        Assert.Equal([Seven.AddHours(2)], _grains.CursorsSet);
        Assert.Equal([Seven, Seven.AddHours(1), Seven.AddHours(2)], _grains.HoursWoken());

        _grains.Woken.Clear();
        _grains.Wake = (_, _) => Task.FromResult(true);
        await Clock().TickAsync();

        // The current hour stays: more may still fall due in it.
        Assert.Equal([Seven.AddHours(2), Seven.AddHours(3)], _grains.CursorsSet);
        Assert.Equal([Seven.AddHours(2), Seven.AddHours(3)], _grains.HoursWoken());
    }

    [Fact]
    public async Task An_hour_not_emptied_holds_the_cursor_though_later_hours_are_emptied()
    {
        _grains.Cursor = Seven;
        _grains.Wake = (hour, shard) => Task.FromResult(!(hour == Seven && shard == 63));

        await Clock().TickAsync();

        Assert.Empty(_grains.CursorsSet);
        Assert.Equal([Seven, Seven.AddHours(1), Seven.AddHours(2), Seven.AddHours(3)], _grains.HoursWoken());
    }

    [Fact]
    public async Task A_first_tick_looks_back_from_now_by_the_configured_time()
    {
        _grains.Wake = (_, _) => Task.FromResult(true);

        await Clock(new ScheduleOptions { FirstRunLookBack = TimeSpan.FromHours(2) }).TickAsync();

        Assert.Equal([Seven.AddHours(1), Seven.AddHours(2), Seven.AddHours(3)], _grains.HoursWoken());
        Assert.Equal([Seven.AddHours(3)], _grains.CursorsSet);
    }

    private DueClock Clock(ScheduleOptions? options = null) => new(_grains.Factory, _time, Options.Create(options ?? new ScheduleOptions()));

    /// <summary>The cursor and the hour buckets, scripted: each bucket answers through <see cref="Wake"/>.</summary>
    private sealed class ScriptedGrains
    {
        private readonly Dictionary<string, (DateTimeOffset Hour, int Shard)> _buckets = [];

        public ScriptedGrains()
        {
            for (var hour = Seven.AddHours(-2); hour <= Now; hour = hour.AddHours(1))
            {
                for (var shard = 0; shard < DueBuckets.ShardsPerHour; shard++)
                {
                    _buckets[DueBuckets.KeyOf(hour, shard)] = (hour, shard);
                }
            }
            Factory = GrainFactoryProxy.Create(Grain);
        }

        public Orleans.IGrainFactory Factory { get; }
        public DateTimeOffset? Cursor { get; set; }
        public List<DateTimeOffset> CursorsSet { get; } = [];
        public Func<DateTimeOffset, int, Task<bool>> Wake { get; set; } = (_, _) => throw new InvalidOperationException("No bucket should be woken.");
        public ConcurrentBag<(DateTimeOffset Hour, int Shard)> Woken { get; } = [];

        /// <summary>The hours whose every bucket was woken once, in order; fails if any was woken partly or twice.</summary>
        public List<DateTimeOffset> HoursWoken()
        {
            var byHour = Woken.GroupBy(w => w.Hour).OrderBy(g => g.Key).ToList();
            Assert.All(byHour, g => Assert.Equal(Enumerable.Range(0, DueBuckets.ShardsPerHour), g.Select(w => w.Shard).Order()));
            return byHour.Select(g => g.Key).ToList();
        }

        public object Grain(Type type, object key) => type == typeof(IScheduleCursorGrain)
            ? new CursorGrain(this)
            : type == typeof(IDueBucketGrain) ? new BucketGrain(this, _buckets[(string)key]) : throw new NotSupportedException(type.Name);

        private sealed class CursorGrain(ScriptedGrains grains) : IScheduleCursorGrain
        {
            public Task<DateTimeOffset?> GetAsync() => Task.FromResult(grains.Cursor);

            public Task SetAsync(DateTimeOffset hour)
            {
                grains.Cursor = hour;
                grains.CursorsSet.Add(hour);
                return Task.CompletedTask;
            }
        }

        private sealed class BucketGrain(ScriptedGrains grains, (DateTimeOffset Hour, int Shard) bucket) : IDueBucketGrain
        {
            public Task AddAsync(IReadOnlyList<DueEntry> entries) => throw new NotSupportedException();

            public Task<bool> WakeAsync(DateTimeOffset now)
            {
                Assert.Equal(Now, now);
                grains.Woken.Add(bucket);
                return grains.Wake(bucket.Hour, bucket.Shard);
            }
        }
    }

    /// <summary>An <see cref="Orleans.IGrainFactory"/> that answers only <c>GetGrain&lt;T&gt;(key)</c>, through a resolver
    /// of grain interface and key. Not sealed: <see cref="DispatchProxy"/> derives the proxy type from it.</summary>
    public class GrainFactoryProxy : DispatchProxy
    {
        private Func<Type, object, object>? _resolve;

        /// <summary>A factory whose grains <paramref name="resolve"/> makes.</summary>
        public static Orleans.IGrainFactory Create(Func<Type, object, object> resolve)
        {
            var factory = DispatchProxy.Create<Orleans.IGrainFactory, GrainFactoryProxy>();
            ((GrainFactoryProxy)(object)factory)._resolve = resolve;
            return factory;
        }

        /// <inheritdoc />
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod is { Name: nameof(Orleans.IGrainFactory.GetGrain), IsGenericMethod: true } && args is [{ } key, ..]
                ? _resolve!(targetMethod.GetGenericArguments()[0], key)
                : throw new NotSupportedException(targetMethod?.Name);
    }
}
