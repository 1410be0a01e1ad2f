using System.Text.Json;
using Azure.Data.Tables;
using StackExchange.Redis;

namespace Engagement.EndToEndTests.Support;

/// <summary>The silos a cluster's membership table lists, read from the provider's own storage rather than asked of
/// Orleans: by silo port, each with its status as Orleans names it (<c>Active</c>, <c>Dead</c>, …).</summary>
internal static class MembershipTable
{
    /// <summary>The rows of cluster <paramref name="clusterId"/> in the Azure Table membership (<c>OrleansSiloInstances</c>,
    /// one partition per cluster id).</summary>
    public static async Task<IReadOnlyDictionary<int, string>> InAzureTableAsync(string connectionString, string clusterId)
    {
        var table = new TableClient(connectionString, "OrleansSiloInstances");
        var silos = new Dictionary<int, string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == clusterId))
        {
            // The partition's version row has no port.
            if (row.GetString("Port") is { } port)
            {
                silos[int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)] = row.GetString("Status")!;
            }
        }
        return silos;
    }

    /// <summary>The entries of cluster <paramref name="clusterId"/> of service <paramref name="serviceId"/> in the Redis
    /// membership: one hash, <c>{serviceId}/members/{clusterId}</c>, a JSON entry per silo beside its <c>Version</c>.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> InRedisAsync(string connectionString, string serviceId, string clusterId)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var rows = await redis.GetDatabase().HashGetAllAsync($"{serviceId}/members/{clusterId}");
        return rows.Where(r => r.Name != "Version").Select(r => JsonDocument.Parse(r.Value.ToString()).RootElement).ToDictionary(
            entry => SiloAddress.FromParsableString(entry.GetProperty("SiloAddress").GetProperty("SiloAddress").GetString()!).Endpoint.Port,
            entry => ((SiloStatus)entry.GetProperty("Status").GetInt32()).ToString());
    }
}
