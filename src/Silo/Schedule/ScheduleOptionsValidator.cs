using Engagement.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Schedule;

/// <summary>Checks the <c>Schedule</c> section: a clock that ticks, and a look-back that is not in the future.</summary>
public sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options) => new SettingChecks(ScheduleOptions.Section)
        .Positive(nameof(options.Tick), options.Tick)
        .NotNegative(nameof(options.FirstRunLookBack), options.FirstRunLookBack)
        .Result();
}
