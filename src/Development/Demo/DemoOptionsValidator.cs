using Engagement.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.Development.Demo;

/// <summary>Checks the <c>Demo</c> section: at least one customer and a positive pace.</summary>
public sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DemoOptions options) => new SettingChecks(DemoOptions.Section)
        .AtLeast(nameof(options.Customers), options.Customers, 1)
        .That(options.EventsPerSecond > 0, nameof(options.EventsPerSecond),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"must be more than 0 (got {options.EventsPerSecond})"))
        .Result();
}
