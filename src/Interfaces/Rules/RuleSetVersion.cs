namespace Engagement.Rules;

/// <summary>One version of the rule set: every figure of SPEC §3 and §4, as the JSON of <c>GET /api/rules</c>.</summary>
/// <param name="Version">1 for the figures of the configuration, then one more for each accepted change.</param>
/// <param name="Figures">The figures as a JSON object with a <c>rules</c> and a <c>triggers</c> object, every figure
/// present.</param>
/// <param name="CreatedAt">When the version was accepted; none for the configured version.</param>
/// <param name="CreatedBy">Who put it (the supervisor's token subject, or <c>configuration</c>).</param>
[GenerateSerializer, Immutable, Alias("Engagement.RuleSetVersion")]
public sealed record RuleSetVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] string Figures,
    [property: Id(2)] DateTimeOffset? CreatedAt,
    [property: Id(3)] string CreatedBy);

/// <summary>What a proposed rule set came to: the version now in force, or every problem found (nothing changed).</summary>
/// <param name="Accepted">The new version, when the figures were valid.</param>
/// <param name="Problems">One line per bad figure, naming it (<c>triggers.standardLargeOutflow must be more than 0 (got -1)</c>).</param>
[GenerateSerializer, Immutable, Alias("Engagement.RuleSetChange")]
public sealed record RuleSetChange(
    [property: Id(0)] RuleSetVersion? Accepted,
    [property: Id(1)] IReadOnlyList<string> Problems);
