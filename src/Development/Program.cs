using Engagement.Development;
using Engagement.Development.Standalone;
using Engagement.Silo.Hosting;

// `broker` and `azurite` run one development service alone, for a cluster of silos to share (scripts/cluster.sh).
var command = args.Length > 0 && args[0] is "broker" or "azurite" ? args[0] : null;
// The engine's appsettings.json is copied beside this launcher, while `dotnet run` starts it in the project's folder.
string[] hostArgs = [$"--contentRoot={AppContext.BaseDirectory}", .. command is null ? args : args[1..]];
return await InvalidSettings.ReportAsync(async () => command switch
{
    "broker" => await StandaloneService.RunAsync("The embedded Kafka broker", () => BrokerCommand.RunAsync(StandaloneService.Configuration(hostArgs))),
    "azurite" => await StandaloneService.RunAsync("Azurite", () => AzuriteCommand.RunAsync(StandaloneService.Configuration(hostArgs))),
    _ => await RunEngineAsync(hostArgs),
});

static async Task<int> RunEngineAsync(string[] args)
{
    await using var engine = await DevelopmentDefaults.BuildEngineAsync(args);
    await engine.RunAsync();
    return 0;
}
