using Engagement.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.Development;

/// <summary>Checks the <c>Development</c> section: a port Azurite can listen on.</summary>
public sealed class DevelopmentOptionsValidator : IValidateOptions<DevelopmentOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DevelopmentOptions options) => new SettingChecks(DevelopmentOptions.Section)
        .That(options.AzuritePort is null or (> 0 and <= 65535), nameof(options.AzuritePort),
            $"must be a port from 1 to 65535 (got {options.AzuritePort})")
        .Result();
}
