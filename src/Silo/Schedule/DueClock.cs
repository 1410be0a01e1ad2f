using Engagement.Schedule;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Schedule;

/// <summary>The wake-up clock: each tick wakes the customers due by now, from the oldest hour whose buckets are not yet
/// all emptied. <see cref="ScheduleClockGrain"/> ticks it, once per cluster.</summary>
/// <remarks>Customers that go quiet are woken on the wall clock; active ones already run their clock rules on event time.</remarks>
public sealed class DueClock(IGrainFactory grains, TimeProvider clock, IOptions<ScheduleOptions> options)
{
    /// <summary>Wakes everything due by now and moves the cursor past the hours emptied.</summary>
    public async Task TickAsync()
    {
        var now = clock.GetUtcNow();
        var cursorGrain = grains.GetGrain<IScheduleCursorGrain>(0);
        var cursor = await cursorGrain.GetAsync() ?? DueBuckets.HourOf(now - options.Value.FirstRunLookBack);
        var emptiedUpTo = cursor;
        try
        {
            for (var hour = cursor; hour <= now; hour = hour.AddHours(1))
            {
                var at = hour;
                var emptied = await Task.WhenAll(Enumerable.Range(0, DueBuckets.ShardsPerHour)
                    .Select(shard => grains.GetGrain<IDueBucketGrain>(DueBuckets.KeyOf(at, shard)).WakeAsync(now)));
                if (emptied.All(e => e) && hour == emptiedUpTo && hour.AddHours(1) <= now)
                {
                    emptiedUpTo = hour.AddHours(1);
                }
            }
        }
        finally
        {
            // A tick cut short (a call timed out, storage failed) keeps the hours it emptied: after a long outage the
            // next tick goes on from there instead of starting the whole catch-up again.
            if (emptiedUpTo != cursor)
            {
                await cursorGrain.SetAsync(emptiedUpTo);
            }
        }
    }
}
