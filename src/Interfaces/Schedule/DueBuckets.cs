using System.Globalization;

namespace Engagement.Schedule;

/// <summary>Names the bucket of a customer's wake-up: its UTC hour, split over <see cref="ShardsPerHour"/> buckets.</summary>
public static class DueBuckets
{
    /// <summary>Buckets per hour. The triggers fired in one busy hour all expire in the same hour two weeks later: one
    /// bucket per hour would hold every customer of that hour in one state, rewritten at each wake-up scheduled into it.
    /// Changing it moves customers to other buckets, so it is fixed.</summary>
    public const int ShardsPerHour = 8;

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
