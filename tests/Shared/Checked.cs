using Microsoft.Extensions.Options;

namespace Engagement.Testing;

/// <summary>Runs a validator on settings changed from their defaults, and answers the problems it found.</summary>
public static class Checked
{
    /// <summary>The problems <paramref name="validator"/> finds in the defaults changed by <paramref name="change"/>.</summary>
    public static IReadOnlyList<string> Problems<T>(IValidateOptions<T> validator, Action<T> change) where T : class, new()
    {
        var options = new T();
        change(options);
        return validator.Validate(Options.DefaultName, options).Failures?.ToList() ?? [];
    }
}
