using System.Text.Json;
using Engagement.State;

namespace Engagement.Verification;

/// <summary>The engine's view of a customer (SPEC §5 customer state) against the fold, to the cent and the point.</summary>
public static class CustomerComparison
{
    /// <summary>The first figure in which <paramref name="actual"/> differs from <paramref name="expected"/>, as
    /// "name: expected X, got Y", or null when every figure is equal.</summary>
    public static string? Difference(CustomerState expected, JsonElement actual)
    {
        var savings = actual.GetProperty("accounts").EnumerateArray().SingleOrDefault(a => a.GetProperty("accountId").GetString() == "S-1");
        (string Name, object? Expected, object? Actual)[] figures =
        [
            ("eventsApplied", expected.EventsApplied, actual.GetProperty("eventsApplied").GetInt64()),
            ("aum", expected.Aum, actual.GetProperty("aum").GetDecimal()),
            ("tier", Word(expected.Tier.Current), actual.GetProperty("tier").GetProperty("current").GetString()),
            ("stage", Word(expected.Stage), actual.GetProperty("lifecycle").GetProperty("stage").GetString()),
            ("points.balance", expected.Points.Balance, actual.GetProperty("points").GetProperty("balance").GetInt64()),
            ("points.lifetimeEarned", expected.Points.LifetimeEarned, actual.GetProperty("points").GetProperty("lifetimeEarned").GetInt64()),
            ("accounts.S-1.balance", expected.Accounts.GetValueOrDefault("S-1")?.Balance,
                savings.ValueKind == JsonValueKind.Undefined ? null : savings.GetProperty("balance").GetDecimal()),
            ("holdings.units", expected.Holdings.Values.Sum(h => h.Units),
                actual.GetProperty("holdings").EnumerateArray().Sum(h => h.GetProperty("units").GetDecimal())),
        ];
        return figures.Where(f => !Equals(f.Expected, f.Actual)).Select(f => $"{f.Name}: expected {f.Expected}, got {f.Actual}").FirstOrDefault();
    }

    private static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
