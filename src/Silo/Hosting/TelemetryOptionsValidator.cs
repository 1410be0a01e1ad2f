using Engagement.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Hosting;

/// <summary>Checks the <c>Telemetry</c> section: an OTLP endpoint, when given, is an absolute http(s) address, and the
/// service name is not empty.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options) => new SettingChecks(TelemetryOptions.Section)
        .That(string.IsNullOrWhiteSpace(options.OtlpEndpoint)
              || (Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"),
            nameof(options.OtlpEndpoint), $"must be an absolute http or https address (got '{options.OtlpEndpoint}')")
        .That(!string.IsNullOrWhiteSpace(options.ServiceName), nameof(options.ServiceName), "must not be empty")
        .Result();
}
