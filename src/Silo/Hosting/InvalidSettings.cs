using Microsoft.Extensions.Options;

namespace Engagement.Silo.Hosting;

/// <summary>Tells a start that failed on bad configuration from any other failure, so the process can say which
/// settings are wrong, one line each, and exit, rather than print a stack trace.</summary>
public static class InvalidSettings
{
    /// <summary>The exit code of a start refused for bad configuration (<c>EX_CONFIG</c> of sysexits.h).</summary>
    public const int ExitCode = 78;

    /// <summary>The exit code of a start that lacks a setting it cannot do without (<see cref="MissingSettingsException"/>).</summary>
    public const int MissingExitCode = 2;

    /// <summary>The settings problems behind <paramref name="failure"/>, or null when it is not (only) bad configuration.</summary>
    public static IReadOnlyList<string>? ProblemsOf(Exception failure)
    {
        var causes = failure is AggregateException many ? many.Flatten().InnerExceptions : [failure];
        var problems = new List<string>();
        foreach (var cause in causes)
        {
            switch (cause)
            {
                case OptionsValidationException invalid:
                    problems.AddRange(invalid.Failures);
                    break;
                // The configuration binder's own error for a value of the wrong type names the setting too.
                case InvalidOperationException unreadable when unreadable.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                    problems.Add(unreadable.Message);
                    break;
                default:
                    return null;
            }
        }
        return problems;
    }

    /// <summary>Runs <paramref name="start"/>; a failure of bad configuration prints its problems to standard error and
    /// answers <see cref="ExitCode"/>, a missing setting its one line and <see cref="MissingExitCode"/>.</summary>
    public static async Task<int> ReportAsync(Func<Task<int>> start)
    {
        try
        {
            return await start();
        }
        catch (Exception e) when (ProblemsOf(e) is { } problems)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"Invalid configuration: {problem}");
            }
            return ExitCode;
        }
        catch (MissingSettingsException missing)
        {
            await Console.Error.WriteLineAsync(missing.Message);
            return MissingExitCode;
        }
    }
}
