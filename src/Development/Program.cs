using Engagement.Development;

await using var engine = await DevelopmentDefaults.BuildEngineAsync(args);
await engine.RunAsync();
