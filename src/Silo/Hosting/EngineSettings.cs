using Engagement.Api.Auth;
using Engagement.Checkpoints;
using Engagement.Configuration;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.Silo.Kafka;
using Engagement.Silo.Schedule;
using Engagement.Silo.Storage;
using Engagement.Triggers;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Hosting;

/// <summary>The engine's configuration sections: each bound once through <see cref="IOptions{T}"/> and checked when the
/// host starts; the same validators check them all before anything starts (the embedded broker, Azurite, the silo), and
/// read those the host's configuration needs.</summary>
internal static class EngineSettings
{
    private static readonly ISection[] Sections =
    [
        new Section<KafkaOptions, KafkaOptionsValidator>(KafkaOptions.Section),
        new Section<EngineOptions, EngineOptionsValidator>(EngineOptions.Section),
        new Section<OrleansOptions, OrleansOptionsValidator>(OrleansOptions.Section),
        new Section<StorageOptions, StorageOptionsValidator>(StorageOptions.Section),
        new Section<CheckpointOptions, CheckpointOptionsValidator>(CheckpointOptions.Section),
        new Section<ScheduleOptions, ScheduleOptionsValidator>(ScheduleOptions.Section),
        new Section<RuleSettings, RuleSettingsValidator>(RuleSettings.Section),
        new Section<TriggerSettings, TriggerSettingsValidator>(TriggerSettings.Section),
        new Section<TelemetryOptions, TelemetryOptionsValidator>(TelemetryOptions.Section),
    ];

    /// <summary>Checks every section, the API's too; throws naming every bad setting at once.</summary>
    public static void CheckEarly(IConfiguration configuration)
    {
        var orleans = Bound<OrleansOptions>(configuration, OrleansOptions.Section);
        var problems = Sections.SelectMany(s => s.ProblemsIn(configuration))
            .Concat(AuthSetup.ProblemsIn(configuration))
            .Concat(OrleansOptionsValidator.ProblemsWith(orleans, Bound<StorageOptions>(configuration, StorageOptions.Section)))
            .Concat(KubernetesPod.ProblemsWith(orleans, KubernetesPod.FromEnvironment()))
            .ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException("configuration", typeof(EngineSettings), problems);
        }
    }

    /// <summary>The <c>Kafka</c> section, checked, for code that runs before the host.</summary>
    public static KafkaOptions Kafka(IConfiguration configuration) =>
        ValidatedOptions.Read(configuration, KafkaOptions.Section, new KafkaOptionsValidator());

    /// <summary>The <c>Storage</c> section, checked, for code that runs before the host.</summary>
    public static StorageOptions Storage(IConfiguration configuration) =>
        ValidatedOptions.Read(configuration, StorageOptions.Section, new StorageOptionsValidator());

    /// <summary>The <c>Orleans</c> section, checked, for code that runs before the host.</summary>
    public static OrleansOptions Orleans(IConfiguration configuration) =>
        ValidatedOptions.Read(configuration, OrleansOptions.Section, new OrleansOptionsValidator());

    private static T Bound<T>(IConfiguration configuration, string section) where T : class, new() =>
        configuration.GetSection(section).Get<T>() ?? new T();

    /// <summary>Binds every section the engine reads (the API binds its own <c>Auth</c>).</summary>
    public static IServiceCollection AddEngineSettings(this IServiceCollection services)
    {
        foreach (var section in Sections)
        {
            section.Add(services);
        }
        services.AddOptions<TriggerSettings>().Configure<IOptions<EngineOptions>>((triggers, engine) =>
        {
            triggers.Language = Languages.Parse(engine.Value.Language);
            triggers.TimeZone = engine.Value.Zone();
        });
        // The rules and the stores take their settings as plain objects.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RuleSettings>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TriggerSettings>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        return services;
    }

    private interface ISection
    {
        void Add(IServiceCollection services);

        IEnumerable<string> ProblemsIn(IConfiguration configuration);
    }

    private sealed class Section<T, TValidator>(string name) : ISection
        where T : class, new()
        where TValidator : class, IValidateOptions<T>, new()
    {
        public void Add(IServiceCollection services) => services.AddValidatedOptions<T, TValidator>(name);

        public IEnumerable<string> ProblemsIn(IConfiguration configuration) => ValidatedOptions.ProblemsOf(configuration, name, new TValidator());
    }
}
