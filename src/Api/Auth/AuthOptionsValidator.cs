using System.Text;
using Engagement.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.Api.Auth;

/// <summary>Checks the <c>Auth</c> section: issuer and audience set, and either an HTTPS authority or a signing key long
/// enough for HS256.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    private const int SmallestKeyBytes = 32;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var checks = new SettingChecks(AuthOptions.Section)
            .Required(nameof(options.Issuer), options.Issuer)
            .Required(nameof(options.Audience), options.Audience);
        // The key is a secret: the message gives its length, never the key.
        return (options.Authority is null
            ? checks.That(Encoding.UTF8.GetByteCount(options.SigningKey ?? "") >= SmallestKeyBytes, nameof(options.SigningKey),
                $"must be at least {SmallestKeyBytes} bytes (got {Encoding.UTF8.GetByteCount(options.SigningKey ?? "")})")
            : checks.That(Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) && authority.Scheme == Uri.UriSchemeHttps,
                nameof(options.Authority), $"must be an absolute https URL (got '{options.Authority}')")).Result();
    }
}
