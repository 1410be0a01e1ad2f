using Engagement.Configuration;

namespace Engagement.Development.Demo;

/// <summary>Registers the demo feed when <c>Demo:Enabled</c> is on.</summary>
public static class DemoFeedRegistration
{
    /// <summary>Adds the demo feed unless it is switched off.</summary>
    public static IServiceCollection AddDemoFeed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DemoOptions, DemoOptionsValidator>(DemoOptions.Section);
        if (ValidatedOptions.Read(configuration, DemoOptions.Section, new DemoOptionsValidator()).Enabled)
        {
            services.AddHostedService<DemoFeed>();
        }
        return services;
    }
}
