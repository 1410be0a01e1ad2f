using System.Security.Cryptography;
using System.Text;

namespace Engagement.Rules.Triggers;

/// <summary>Trigger ids derived from what caused the trigger, so recomputing it after a crash gives the same id.</summary>
public static class TriggerIds
{
    /// <summary>The id for (customer, type, subject, cause time): <c>t-</c> and 24 hex digits.</summary>
    public static string For(string customerId, string type, string subject, DateTimeOffset cause)
    {
        var text = $"{customerId}|{type}|{subject}|{cause.UtcTicks}";
        return "t-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
    }
}
