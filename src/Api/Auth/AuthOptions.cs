namespace Engagement.Api.Auth;

/// <summary>JWT bearer settings, bound from the <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>The signing key that ships for local development only; production configures its own.</summary>
    public const string DevelopmentSigningKey = "engagement-engine-DEVELOPMENT-ONLY-signing-key-change-me-0123456789";

    /// <summary>The token issuer expected.</summary>
    public string Issuer { get; set; } = "engagement-engine-dev";
    /// <summary>The token audience expected.</summary>
    public string Audience { get; set; } = "engagement-engine";
    /// <summary>The symmetric HS256 signing key (at least 32 bytes); ignored when <see cref="Authority"/> is set.</summary>
    public string SigningKey { get; set; } = DevelopmentSigningKey;
    /// <summary>An OpenID Connect authority whose published keys sign tokens, for production.</summary>
    public string? Authority { get; set; }
    /// <summary>The workbench's public client id at the OpenID Connect provider (authorization code with PKCE).</summary>
    public string? ClientId { get; set; }
    /// <summary>The scopes the workbench asks the provider for.</summary>
    public string Scope { get; set; } = "openid profile";
    /// <summary>Whether the development key is the one in use.</summary>
    public bool UsesDevelopmentKey => Authority is null && SigningKey == DevelopmentSigningKey;
}
