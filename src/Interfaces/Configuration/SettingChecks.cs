using System.Globalization;
using Microsoft.Extensions.Options;

namespace Engagement.Configuration;

/// <summary>Collects what is wrong with one configuration section, each problem naming its setting the way an
/// operator writes it (<c>Kafka:Partitions must be at least 1 (got 0)</c>).</summary>
public sealed class SettingChecks(string section)
{
    private readonly List<string> _problems = [];

    /// <summary>A whole number of at least <paramref name="least"/>.</summary>
    public SettingChecks AtLeast(string name, long value, long least) =>
        That(value >= least, name, Invariant($"must be at least {least} (got {value})"));

    /// <summary>A whole number from <paramref name="least"/> to <paramref name="most"/>.</summary>
    public SettingChecks Within(string name, long value, long least, long most) =>
        That(value >= least && value <= most, name, Invariant($"must be from {least} to {most} (got {value})"));

    /// <summary>A figure above zero.</summary>
    public SettingChecks Positive(string name, decimal value) => That(value > 0, name, Invariant($"must be more than 0 (got {value})"));

    /// <summary>A figure of zero or more.</summary>
    public SettingChecks NotNegative(string name, decimal value) => That(value >= 0, name, Invariant($"must not be negative (got {value})"));

    /// <summary>A length of time above zero.</summary>
    public SettingChecks Positive(string name, TimeSpan value) => That(value > TimeSpan.Zero, name, Invariant($"must be more than zero (got {value})"));

    /// <summary>A length of time of zero or more.</summary>
    public SettingChecks NotNegative(string name, TimeSpan value) => That(value >= TimeSpan.Zero, name, Invariant($"must not be negative (got {value})"));

    /// <summary>A text that is set.</summary>
    public SettingChecks Required(string name, string? value) => That(!string.IsNullOrWhiteSpace(value), name, "must be set");

    /// <summary>Any other rule: <paramref name="problem"/> follows the setting's name when <paramref name="holds"/> is false.</summary>
    public SettingChecks That(bool holds, string name, string problem)
    {
        if (!holds)
        {
            _problems.Add($"{section}:{name} {problem}");
        }
        return this;
    }

    /// <summary>Success, or every problem found.</summary>
    public ValidateOptionsResult Result() => _problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_problems);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
