using Engagement.Configuration;
using Engagement.Triggers;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Hosting;

/// <summary>Checks the <c>Engine</c> section: an ISO 4217 currency code, a known language and a time zone this
/// machine knows.</summary>
public sealed class EngineOptionsValidator : IValidateOptions<EngineOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EngineOptions options) => new SettingChecks(EngineOptions.Section)
        .That(options.BaseCurrency is { Length: 3 } c && c.All(char.IsAsciiLetterUpper), nameof(options.BaseCurrency),
            $"must be an ISO 4217 code of three capital letters, such as CNY (got '{options.BaseCurrency}')")
        .That(Languages.IsKnown(options.Language), nameof(options.Language),
            $"must be '{Languages.English}' or '{Languages.Chinese}' (got '{options.Language}')")
        .That(TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _), nameof(options.TimeZone),
            $"must be an IANA time zone known to this machine, such as UTC or Asia/Shanghai (got '{options.TimeZone}')")
        .Result();
}
