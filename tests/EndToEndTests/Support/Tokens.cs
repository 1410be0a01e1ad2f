using System.Text;
using Engagement.Api.Auth;

namespace Engagement.EndToEndTests.Support;

/// <summary>Good and bad bearer tokens.</summary>
internal static class Tokens
{
    public static string Valid(string role, string? advisorId = null) =>
        DevelopmentTokens.Create(new AuthOptions(), role, advisorId, TimeSpan.FromMinutes(10), DateTimeOffset.UtcNow);

    public static string Expired(string role) =>
        DevelopmentTokens.Create(new AuthOptions(), role, null, TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow.AddHours(-1));

    public static string WrongSignature(string role) =>
        DevelopmentTokens.Create(new AuthOptions { SigningKey = "a-different-key-that-is-long-enough-for-hmac-sha256-0000" }, role, null,
            TimeSpan.FromMinutes(10), DateTimeOffset.UtcNow);

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string Unsigned(string role)
    {
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var options = new AuthOptions();
        var expires = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{Encode($$"""{"role":"{{role}}","iss":"{{options.Issuer}}","aud":"{{options.Audience}}","exp":{{expires}}}""")}.";
    }
}
