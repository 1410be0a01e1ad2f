namespace Engagement.Development.Demo;

/// <summary>Registers the demo feed when <c>Demo:Enabled</c> is on.</summary>
public static class DemoFeedRegistration
{
    /// <summary>Adds the demo feed unless it is switched off.</summary>
    public static IServiceCollection AddDemoFeed(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DemoOptions.Section);
        services.Configure<DemoOptions>(section);
        if (section.Get<DemoOptions>()?.Enabled ?? true)
        {
            services.AddHostedService<DemoFeed>();
        }
        return services;
    }
}
