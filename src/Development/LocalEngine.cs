using System.Globalization;
using Engagement.Silo.Hosting;
using Engagement.Silo.Kafka;

namespace Engagement.Development;

/// <summary>The whole engine in this process, on free ports and with the demo feed off, for tests and benchmarks.</summary>
public static class LocalEngine
{
    /// <summary>Builds the engine without starting it; <paramref name="settings"/> override the defaults here,
    /// <paramref name="clock"/>, when given, replaces the system clock, and <paramref name="services"/> registers
    /// replacements before the engine's own (a fault-injecting decorator, say).</summary>
    public static Task<RunningEngine> BuildAsync(IDictionary<string, string?> settings, TimeProvider? clock = null,
        Action<IServiceCollection>? services = null) =>
        DevelopmentDefaults.BuildEngineAsync([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(DefaultSettings());
            builder.Configuration.AddInMemoryCollection(settings);
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }
            services?.Invoke(builder.Services);
        });

    /// <summary>Free ports for the API and the silo, the demo feed off, quiet logs; the fetch wait of the embedded broker,
    /// which the tests and the bench start themselves and pass as a configured cluster.</summary>
    public static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
        ["Demo:Enabled"] = "false",
        ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Kafka:FetchWaitMaxMs"] = KafkaOptions.EmbeddedFetchWaitMaxMs.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The base URL the engine's API listens on.</summary>
    public static string BaseUrl(this RunningEngine engine) => engine.App.Configuration["Urls"]!;
}
