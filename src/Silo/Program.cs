using Engagement.Silo.Hosting;

return await InvalidSettings.ReportAsync(async () =>
{
    if (TokenCommand.IsRequested(args))
    {
        return TokenCommand.Run(args, new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build());
    }
    await using var engine = await EngineHost.BuildAsync(args);
    await engine.RunAsync();
    return 0;
});
