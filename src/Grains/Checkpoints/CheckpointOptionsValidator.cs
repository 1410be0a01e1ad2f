using Engagement.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.Checkpoints;

/// <summary>Checks the <c>Checkpoints</c> section: an interval above zero, and a retry backoff that reaches at least it.</summary>
public sealed class CheckpointOptionsValidator : IValidateOptions<CheckpointOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CheckpointOptions options) => new SettingChecks(CheckpointOptions.Section)
        .Positive(nameof(options.Interval), options.Interval)
        .That(options.LongestRetryDelay >= options.Interval, nameof(options.LongestRetryDelay),
            $"must be at least Checkpoints:Interval ({options.Interval}; got {options.LongestRetryDelay})")
        .Result();
}
