using Engagement.Api.Auth;
using Engagement.Configuration;

namespace Engagement.Silo.Hosting;

/// <summary><c>token --role R [--advisor-id A] [--minutes M]</c>: prints a development token signed with the configured key.</summary>
public static class TokenCommand
{
    /// <summary>Whether the command line asks for a token.</summary>
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "token";

    /// <summary>Prints the token and returns the process exit code.</summary>
    public static int Run(string[] args, IConfiguration configuration)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var role = Option("--role") ?? Roles.Service;
        var advisorId = Option("--advisor-id");
        if (!Roles.All.Contains(role) || (role == Roles.Advisor) != (advisorId is not null))
        {
            Console.Error.WriteLine("usage: token --role advisor|supervisor|service [--advisor-id A7 (advisors only, required)] [--minutes 480]");
            return 2;
        }
        var minutes = int.TryParse(Option("--minutes"), out var m) && m > 0 ? m : 480;
        var options = ValidatedOptions.Read(configuration, AuthOptions.Section, new AuthOptionsValidator());
        Console.WriteLine(DevelopmentTokens.Create(options, role, advisorId, TimeSpan.FromMinutes(minutes), DateTimeOffset.UtcNow));
        return 0;
    }
}
