using Engagement.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.Checkpoints;

/// <summary>Checks the <c>Checkpoints</c> section: an interval and a longest retry delay above zero (the delay may be
/// shorter than the interval: a failed checkpoint is then retried sooner than the next is due), a packing delay of
/// zero or more, and at least one delivery in flight.</summary>
public sealed class CheckpointOptionsValidator : IValidateOptions<CheckpointOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CheckpointOptions options) => new SettingChecks(CheckpointOptions.Section)
        .Positive(nameof(options.Interval), options.Interval)
        .Positive(nameof(options.LongestRetryDelay), options.LongestRetryDelay)
        .That(options.PackIdleAfter >= TimeSpan.Zero, nameof(options.PackIdleAfter), $"must be zero (never pack) or more (got {options.PackIdleAfter})")
        .AtLeast(nameof(options.MaxDeliveriesInFlight), options.MaxDeliveriesInFlight, 1)
        .Result();
}
