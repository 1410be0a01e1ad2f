using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Engagement.Api.Auth;

/// <summary>Issues tokens signed with the configured symmetric key, for local use and tests.</summary>
public static class DevelopmentTokens
{
    /// <summary>A signed token for <paramref name="role"/> (and <paramref name="advisorId"/> for advisors).</summary>
    public static string Create(AuthOptions options, string role, string? advisorId, TimeSpan lifetime, DateTimeOffset now)
    {
        var claims = new List<Claim> { new(Roles.RoleClaim, role) };
        if (advisorId is not null)
        {
            claims.Add(new Claim(Roles.AdvisorIdClaim, advisorId));
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            IssuedAt = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKeyOf(options), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The symmetric key of the options.</summary>
    public static SymmetricSecurityKey SigningKeyOf(AuthOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));
}
