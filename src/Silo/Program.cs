using Engagement.Silo.Hosting;

if (TokenCommand.IsRequested(args))
{
    return TokenCommand.Run(args, new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build());
}

try
{
    await using var engine = await EngineHost.BuildAsync(args);
    await engine.RunAsync();
    return 0;
}
catch (MissingSettingsException missing)
{
    Console.Error.WriteLine(missing.Message);
    return 2;
}
