using Engagement.Triggers;

namespace Engagement.Rules.Triggers.Explanations;

/// <summary>A trigger's explanation: one sentence, rendered from its type and facts alone, in the configured language.</summary>
public static class Explanation
{
    /// <summary>The explanation of a trigger of <paramref name="type"/> with <paramref name="facts"/> in
    /// <paramref name="language"/>, its dates in <paramref name="calendar"/>.</summary>
    public static string Of(Language language, RuleCalendar calendar, string type, TriggerFacts facts) => language switch
    {
        Language.ZhCn => ChineseExplanations.Of(type, new Facts(facts, calendar)),
        _ => EnglishExplanations.Of(type, new Facts(facts, calendar)),
    };

    /// <summary>The change of <paramref name="now"/> against <paramref name="before"/>, in per cent.</summary>
    public static decimal ChangePct(decimal now, decimal before) => (now - before) / before * 100m;

    /// <summary>A holding's gain or loss on its cost, in per cent.</summary>
    public static decimal ReturnPct(decimal value, decimal cost) => (value / cost - 1m) * 100m;

    /// <summary>What share of <paramref name="whole"/> <paramref name="part"/> is, in per cent.</summary>
    public static decimal SharePct(decimal part, decimal whole) => part / whole * 100m;

    /// <summary>The unknown-type error both languages raise.</summary>
    public static ArgumentOutOfRangeException Unknown(string type) => new(nameof(type), type, "No explanation for this trigger type.");
}
