using System.Text.Json;
using Engagement.State;

namespace Engagement.EndToEndTests.Support;

/// <summary>Asserts an engine's customers equal the fold of the records it was given.</summary>
internal static class TrafficAssertions
{
    /// <summary>Waits, with a deadline, for the engine behind <paramref name="http"/> to serve every customer, and asserts
    /// each equals the fold.</summary>
    public static async Task AssertAllMatchAsync(this Traffic traffic, HttpClient http)
    {
        var expected = traffic.Expected();
        var token = Tokens.Valid("service");
        foreach (var customerId in traffic.CustomerIds)
        {
            var want = expected[customerId];
            var actual = await Eventually.MatchAsync(() => http.GetJsonAsync($"/api/customers/{customerId}", token),
                c => c is { } s && s.GetProperty("eventsApplied").GetInt64() >= want.EventsApplied, TimeSpan.FromMinutes(3),
                $"{customerId} to apply {want.EventsApplied} events");
            AssertMatches(want, actual!.Value);
        }
    }

    /// <summary>Asserts the engine's view of a customer equals the fold, to the cent and the point.</summary>
    public static void AssertMatches(CustomerState expected, JsonElement actual) =>
        Assert.Null(CustomerComparison.Difference(expected, actual));
}
