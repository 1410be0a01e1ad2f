using System.Text.Json;
using Engagement.Rules;
using Engagement.Rules.Triggers;

namespace Engagement.Backtest;

/// <summary>The rule sets a back-test compares, read from files in the shape of the rules API.</summary>
internal static class RuleSetFiles
{
    /// <summary>The rule set in force: SPEC's defaults as version 1, or a file as <c>GET /api/rules</c> answers it.</summary>
    public static CustomerRules InForce(string? file)
    {
        if (file is null)
        {
            return new CustomerRules(new RuleSettings(), new TriggerSettings());
        }
        var json = File.ReadAllText(file);
        var version = JsonDocument.Parse(json).RootElement.TryGetProperty("version", out var v) && v.TryGetInt32(out var n)
            ? n
            : RuleSetDocument.ConfiguredVersion;
        var (rules, triggers) = RuleSetDocument.Read(new RuleSetVersion(version, Valid(file, RuleSetDocument.Change(json, new RuleSettings(), new TriggerSettings())),
            null, file), new RuleSettings(), new TriggerSettings());
        return new CustomerRules(rules, triggers);
    }

    /// <summary>The candidate: a file in the shape of <c>PUT /api/rules</c>, its figures over those in force.</summary>
    public static CustomerRules Candidate(string file, CustomerRules inForce)
    {
        var change = RuleSetDocument.Change(File.ReadAllText(file), inForce.Settings, inForce.Triggers);
        Valid(file, change);
        return new CustomerRules(change.Rules!, change.Triggers!);
    }

    private static string Valid(string file, RuleSetParse change) => change.Problems.Count == 0
        ? RuleSetDocument.ToJson(change.Rules!, change.Triggers!)
        : throw new InvalidDataException($"{file} is not a valid rule set: {string.Join("; ", change.Problems)}");
}
