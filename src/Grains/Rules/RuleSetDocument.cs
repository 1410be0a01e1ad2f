using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Engagement.Rules.Triggers;
using Microsoft.Extensions.Options;

namespace Engagement.Rules;

/// <summary>The rule set as JSON: every figure of <see cref="RuleSettings"/> and <see cref="TriggerSettings"/> (those
/// not marked <see cref="JsonIgnoreAttribute"/>), under <c>rules</c> and <c>triggers</c>, by camelCase name, durations
/// as <c>d.hh:mm:ss</c> like the configuration takes them.</summary>
public static class RuleSetDocument
{
    /// <summary>The version of the figures the configuration gives, in force until the first change.</summary>
    public const int ConfiguredVersion = 1;

    /// <summary>Who made the configured version.</summary>
    public const string Configuration = "configuration";

    private const string RulesKey = "rules";
    private const string TriggersKey = "triggers";

    // What GET /api/rules answers besides the figures: a body sent back as it was read is a valid change.
    private static readonly string[] Described = ["version", "createdAt", "createdBy"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The figures of <paramref name="rules"/> and <paramref name="triggers"/> as one JSON object.</summary>
    public static string ToJson(RuleSettings rules, TriggerSettings triggers) => new JsonObject
    {
        [RulesKey] = JsonSerializer.SerializeToNode(rules, Json),
        [TriggersKey] = JsonSerializer.SerializeToNode(triggers, Json),
    }.ToJsonString();

    /// <summary>The settings of a stored version: <paramref name="configured"/>'s engine settings (history bounds, language,
    /// time zone) with every figure of <paramref name="ruleSet"/>.</summary>
    public static (RuleSettings Rules, TriggerSettings Triggers) Read(RuleSetVersion ruleSet, RuleSettings configured, TriggerSettings configuredTriggers)
    {
        var change = Change(ruleSet.Figures, configured, configuredTriggers);
        if (change.Problems.Count > 0)
        {
            throw new InvalidOperationException($"Rule set version {ruleSet.Version} does not read: {string.Join("; ", change.Problems)}");
        }
        change.Triggers!.RuleVersion = ruleSet.Version;
        return (change.Rules!, change.Triggers);
    }

    /// <summary>The figures of <paramref name="json"/> over copies of those in force: a figure left out keeps its value,
    /// a cooldown left out keeps its own. Every unknown, malformed or invalid figure is a problem, named by its path
    /// (<c>triggers.standardLargeOutflow</c>).</summary>
    public static RuleSetParse Change(string json, RuleSettings inForce, TriggerSettings inForceTriggers)
    {
        JsonObject body;
        try
        {
            body = JsonNode.Parse(json) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return RuleSetParse.Invalid(["the body must be a JSON object with a rules and a triggers object"]);
        }
        var problems = new List<string>();
        var rules = Copy(inForce);
        var triggers = Copy(inForceTriggers);
        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case RulesKey:
                    Set(rules, RulesKey, value, problems);
                    break;
                case TriggersKey:
                    Set(triggers, TriggersKey, value, problems);
                    break;
                default:
                    problems.AddRange(Described.Contains(key) ? [] : [$"{key} is not part of a rule set (rules, triggers)"]);
                    break;
            }
        }
        if (problems.Count == 0)
        {
            problems.AddRange(Failures(new RuleSettingsValidator().Validate(null, rules), RuleSettings.Section, RulesKey));
            problems.AddRange(Failures(new TriggerSettingsValidator().Validate(null, triggers), TriggerSettings.Section, TriggersKey));
        }
        return problems.Count == 0 ? new RuleSetParse(rules, triggers, []) : RuleSetParse.Invalid(problems);
    }

    private static void Set<T>(T target, string section, JsonNode? value, List<string> problems)
    {
        if (value is not JsonObject figures)
        {
            problems.Add($"{section} must be an object of figures");
            return;
        }
        foreach (var (name, figure) in figures)
        {
            var path = $"{section}.{name}";
            if (Figures<T>.ByName.GetValueOrDefault(name) is not { } property)
            {
                problems.Add($"{path} is not a figure of the rule set");
            }
            else if (ReadFigure(figure, property.PropertyType) is { } read)
            {
                property.SetValue(target, read is Dictionary<string, TimeSpan> given ? Merge((Dictionary<string, TimeSpan>)property.GetValue(target)!, given) : read);
            }
            else
            {
                problems.Add($"{path} must be {Expected(property.PropertyType)}");
            }
        }
    }

    private static Dictionary<string, TimeSpan> Merge(Dictionary<string, TimeSpan> held, Dictionary<string, TimeSpan> given)
    {
        var merged = new Dictionary<string, TimeSpan>(held, StringComparer.Ordinal);
        foreach (var (type, duration) in given)
        {
            merged[type] = duration;
        }
        return merged;
    }

    private static object? ReadFigure(JsonNode? figure, Type type)
    {
        try
        {
            return figure?.Deserialize(type, Json);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Expected(Type type) =>
        type == typeof(TimeSpan) ? "a duration such as \"7.00:00:00\""
        : type == typeof(Dictionary<string, TimeSpan>) ? "an object of durations by trigger type"
        : type == typeof(decimal) ? "a number"
        : "a whole number";

    // The validators name settings as an operator configures them (Triggers:StandardLargeOutflow); a rule set names them
    // as its JSON does (triggers.standardLargeOutflow).
    private static IEnumerable<string> Failures(ValidateOptionsResult result, string configSection, string section) =>
        (result.Failures ?? []).Select(failure =>
        {
            var space = failure.IndexOf(' ');
            var name = failure[..space];
            return name.StartsWith(configSection + ":", StringComparison.Ordinal)
                ? section + "." + string.Join('.', name[(configSection.Length + 1)..].Split(':').Select((part, i) => i == 0 ? JsonNamingPolicy.CamelCase.ConvertName(part) : part)) + failure[space..]
                : failure;
        });

    private static T Copy<T>(T source)
    {
        var copy = (T)Activator.CreateInstance(typeof(T))!;
        foreach (var property in Figures<T>.Settable)
        {
            var value = property.GetValue(source);
            property.SetValue(copy, value is Dictionary<string, TimeSpan> map ? new Dictionary<string, TimeSpan>(map, StringComparer.Ordinal) : value);
        }
        return copy;
    }

    private static class Figures<T>
    {
        public static readonly PropertyInfo[] Settable = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null).ToArray();

        public static readonly Dictionary<string, PropertyInfo> ByName = Settable
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);
    }
}

/// <summary>Settings read from a rule set, or what was wrong with it.</summary>
/// <param name="Rules">The rules' figures, when valid.</param>
/// <param name="Triggers">The trigger rules' figures, when valid.</param>
/// <param name="Problems">Every problem, naming its figure.</param>
public sealed record RuleSetParse(RuleSettings? Rules, TriggerSettings? Triggers, IReadOnlyList<string> Problems)
{
    /// <summary>A rule set that does not read.</summary>
    public static RuleSetParse Invalid(IReadOnlyList<string> problems) => new(null, null, problems);
}
