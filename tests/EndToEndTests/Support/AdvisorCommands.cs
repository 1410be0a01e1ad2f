using System.Net;

namespace Engagement.EndToEndTests.Support;

/// <summary>The two commands the API answers only once they are durable: a redemption and an outcome.</summary>
internal static class AdvisorCommands
{
    /// <summary>Redeems <paramref name="points"/> of the customer's points and records <c>reached</c> on the advisor's
    /// open trigger of <paramref name="triggerType"/>; both must answer 200.</summary>
    public static async Task RedeemAndReachAsync(HttpClient http, string token, string customerId, string advisorId,
        string triggerType, string redemptionId, long points)
    {
        var inbox = await Eventually.MatchAsync(() => http.GetJsonAsync($"/api/advisors/{advisorId}/triggers?status=open", token),
            i => i is { } array && array.EnumerateArray().Any(t => t.GetProperty("type").GetString() == triggerType),
            TimeSpan.FromSeconds(60), $"the {triggerType} trigger");
        var triggerId = inbox!.Value.EnumerateArray().Single(t => t.GetProperty("type").GetString() == triggerType).GetProperty("triggerId").GetString();
        using (var redeemed = await http.SendAsync(HttpMethod.Post, $"/api/customers/{customerId}/points/redemptions", token,
                   new { redemptionId, points, reason = "gift" }))
        {
            Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        }
        using var outcome = await http.SendAsync(HttpMethod.Post, $"/api/advisors/{advisorId}/triggers/{triggerId}/outcome", token,
            new { outcome = "reached", note = "Called" });
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
    }
}
