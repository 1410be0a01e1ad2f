using Engagement.Verification;

namespace Engagement.Faults;

/// <summary>What one phase sends: Traffic's records, each followed now and then by a second delivery of an earlier
/// record of the same customer, as a producer retry or a replay delivers it.</summary>
public static class Deliveries
{
    /// <summary>The records of <paramref name="traffic"/> with a share <paramref name="redeliveries"/> delivered twice;
    /// answers how many were.</summary>
    public static (IReadOnlyList<(string Key, string Value)> Records, int Redelivered) Of(Traffic traffic, double redeliveries, int seed)
    {
        var random = new Random(seed);
        var byCustomer = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var records = new List<(string Key, string Value)>((int)(traffic.Records.Count * (1 + redeliveries)) + 1);
        var redelivered = 0;
        foreach (var (key, value) in traffic.Records)
        {
            records.Add((key, value));
            if (!byCustomer.TryGetValue(key, out var earlier))
            {
                byCustomer[key] = earlier = [];
            }
            earlier.Add(value);
            if (random.NextDouble() < redeliveries)
            {
                records.Add((key, earlier[random.Next(earlier.Count)]));
                redelivered++;
            }
        }
        return (records, redelivered);
    }
}
