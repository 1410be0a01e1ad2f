using System.Globalization;
using Engagement.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Testing;

/// <summary>The whole engine in this process, on free ports and with the demo feed off, for tests and benchmarks.</summary>
public static class LocalEngine
{
    /// <summary>Builds the engine without starting it; <paramref name="settings"/> override the defaults here, and
    /// <paramref name="clock"/>, when given, replaces the system clock.</summary>
    public static Task<RunningEngine> BuildAsync(IDictionary<string, string?> settings, TimeProvider? clock = null) =>
        EngineHost.BuildAsync([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
                ["Demo:Enabled"] = "false",
                ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Configuration.AddInMemoryCollection(settings);
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }
        });

    /// <summary>The base URL the engine's API listens on.</summary>
    public static string BaseUrl(this RunningEngine engine) => engine.App.Configuration["Urls"]!;
}
