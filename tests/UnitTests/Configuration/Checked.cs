using Microsoft.Extensions.Options;

namespace Engagement.UnitTests.Configuration;

/// <summary>Runs a validator on settings changed from their defaults, and answers the problems it found.</summary>
internal static class Checked
{
    public static IReadOnlyList<string> Problems<T>(IValidateOptions<T> validator, Action<T> change) where T : class, new()
    {
        var options = new T();
        change(options);
        return validator.Validate(Options.DefaultName, options).Failures?.ToList() ?? [];
    }
}
