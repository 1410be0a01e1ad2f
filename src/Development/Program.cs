using Engagement.Development;
using Engagement.Silo.Hosting;

// The engine's appsettings.json is copied beside this launcher, while `dotnet run` starts it in the project's folder.
return await InvalidSettings.ReportAsync(async () =>
{
    await using var engine = await DevelopmentDefaults.BuildEngineAsync([$"--contentRoot={AppContext.BaseDirectory}", .. args]);
    await engine.RunAsync();
    return 0;
});
