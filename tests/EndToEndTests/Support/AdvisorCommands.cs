using System.Net;
using System.Text.Json;

namespace Engagement.EndToEndTests.Support;

/// <summary>What an advisor does through the API: records outcomes and redeems points, each answered only once durable.</summary>
internal static class AdvisorCommands
{
    private static readonly TimeSpan InboxDeadline = TimeSpan.FromSeconds(60);

    /// <summary>Redeems <paramref name="points"/> of the customer's points and records <c>reached</c> on the advisor's
    /// open trigger of <paramref name="triggerType"/> once it is in the inbox; both must answer 200.</summary>
    public static async Task RedeemAndReachAsync(HttpClient http, string token, string customerId, string advisorId,
        string triggerType, string redemptionId, long points)
    {
        var triggerId = await OpenTriggerAsync(http, token, advisorId, customerId, triggerType);
        using (var redeemed = await http.SendAsync(HttpMethod.Post, $"/api/customers/{customerId}/points/redemptions", token,
                   new { redemptionId, points, reason = "gift" }))
        {
            Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        }
        await OutcomeAsync(http, token, advisorId, triggerId, "reached");
    }

    /// <summary>Records <paramref name="outcome"/> on the customer's open trigger of <paramref name="triggerType"/> once it
    /// is in the advisor's inbox; it must answer 200. Answers the trigger's id.</summary>
    public static async Task<string> RecordOutcomeAsync(HttpClient http, string token, string advisorId, string customerId,
        string triggerType, string outcome)
    {
        var triggerId = await OpenTriggerAsync(http, token, advisorId, customerId, triggerType);
        await OutcomeAsync(http, token, advisorId, triggerId, outcome);
        return triggerId;
    }

    private static async Task<string> OpenTriggerAsync(HttpClient http, string token, string advisorId, string customerId, string triggerType)
    {
        var inbox = await Eventually.MatchAsync(() => http.GetJsonAsync($"/api/advisors/{advisorId}/triggers?status=open", token),
            i => i is { } array && array.EnumerateArray().Any(t => Is(t, customerId, triggerType)), InboxDeadline,
            $"{customerId}'s {triggerType} trigger");
        return inbox!.Value.EnumerateArray().Single(t => Is(t, customerId, triggerType)).GetProperty("triggerId").GetString()!;
    }

    private static async Task OutcomeAsync(HttpClient http, string token, string advisorId, string triggerId, string outcome)
    {
        using var answer = await http.SendAsync(HttpMethod.Post, $"/api/advisors/{advisorId}/triggers/{triggerId}/outcome", token,
            new { outcome, note = "Called" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    private static bool Is(JsonElement trigger, string customerId, string type) =>
        trigger.GetProperty("customerId").GetString() == customerId && trigger.GetProperty("type").GetString() == type;
}
