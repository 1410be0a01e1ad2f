using System.Globalization;

namespace Engagement.Schedule;

/// <summary>Names the bucket of a customer's wake-up: its UTC hour, split over <see cref="ShardsPerHour"/> buckets.</summary>
public static class DueBuckets
{
    /// <summary>Buckets per hour. The triggers fired in one busy hour all expire in the same hour two weeks later, and a
    /// bucket's whole state is rewritten at each wake-up scheduled into it: an onboarding burst of 100,000 customers put
    /// 12,500 into each of 8 buckets and made serializing them the largest share of the engine's CPU. Raising it keeps the keys of
    /// the lower shards (<c>-NN</c>, two digits), so the clock still finds wake-ups stored under a smaller count.</summary>
    public const int ShardsPerHour = 64;

    /// <summary>The key of the bucket that wakes <paramref name="customerId"/> at <paramref name="at"/>.</summary>
    public static string KeyOf(DateTimeOffset at, string customerId) => KeyOf(at, StableHash.ShardOf(customerId, ShardsPerHour));

    /// <summary>The key of bucket <paramref name="shard"/> of the hour of <paramref name="at"/>: the UTC hour as
    /// <c>yyyyMMddHH</c>, then <c>-NN</c> except for shard 0, whose key is the hour alone, as before the split, so
    /// wake-ups stored then are still found.</summary>
    public static string KeyOf(DateTimeOffset at, int shard)
    {
        var hour = at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
        return shard == 0 ? hour : string.Create(CultureInfo.InvariantCulture, $"{hour}-{shard:D2}");
    }

    /// <summary>The start of the UTC hour of <paramref name="at"/>.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset at) =>
        new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
}
