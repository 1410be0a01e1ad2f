using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Engagement.Configuration;

/// <summary>One binding per configuration section, checked by one validator, whether read by the host or before it.</summary>
public static class ValidatedOptions
{
    /// <summary>Binds <paramref name="section"/> to <typeparamref name="T"/> through <see cref="IOptions{T}"/>, checked by
    /// <typeparamref name="TValidator"/> when the host starts.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T, TValidator>(this IServiceCollection services, string section)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        services.AddSingleton<IValidateOptions<T>, TValidator>();
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>Reads <paramref name="section"/> for code that runs before the host is built, checked by the same
    /// validator as the host's binding; throws <see cref="OptionsValidationException"/> naming every bad setting.</summary>
    public static T Read<T>(IConfiguration configuration, string section, IValidateOptions<T> validator) where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var result = validator.Validate(Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(section, typeof(T), result.Failures) : options;
    }

    /// <summary>What <paramref name="validator"/> finds wrong in <paramref name="section"/>, none when it is good.</summary>
    public static IEnumerable<string> ProblemsOf<T>(IConfiguration configuration, string section, IValidateOptions<T> validator)
        where T : class, new()
    {
        try
        {
            Read(configuration, section, validator);
            return [];
        }
        catch (OptionsValidationException invalid)
        {
            return invalid.Failures;
        }
    }
}
