using Engagement.Development;

// The engine's appsettings.json is copied beside this launcher, while `dotnet run` starts it in the project's folder.
await using var engine = await DevelopmentDefaults.BuildEngineAsync([$"--contentRoot={AppContext.BaseDirectory}", .. args]);
await engine.RunAsync();
