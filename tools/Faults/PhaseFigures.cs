using System.Globalization;

namespace Engagement.Faults;

/// <summary>What a phase's check found: customers that lost events, applied some twice or differ otherwise from the
/// fold, and triggers missing from, extra on or published with two contents on the triggers topic.</summary>
public sealed record PhaseFigures(int Customers, int Lost, int Doubled, int Differing, int Triggers, int TriggersMissing,
    int TriggersExtra, int TriggersConflicting)
{
    /// <summary>Whether every customer equals the fold and every trigger was published once under one id.</summary>
    public bool Holds => Lost == 0 && Doubled == 0 && Differing == 0 && TriggersMissing == 0 && TriggersExtra == 0 && TriggersConflicting == 0;

    /// <summary>The figures of two phases together.</summary>
    public static PhaseFigures operator +(PhaseFigures a, PhaseFigures b) => new(a.Customers + b.Customers, a.Lost + b.Lost,
        a.Doubled + b.Doubled, a.Differing + b.Differing, a.Triggers + b.Triggers, a.TriggersMissing + b.TriggersMissing,
        a.TriggersExtra + b.TriggersExtra, a.TriggersConflicting + b.TriggersConflicting);

    /// <summary>One line: <c>customers 10000, lost 0, doubled 0, differing 0, triggers unique (812)</c>.</summary>
    public override string ToString()
    {
        var triggers = TriggersMissing == 0 && TriggersExtra == 0 && TriggersConflicting == 0
            ? $"triggers unique ({Triggers})"
            : $"triggers {Triggers}: missing {TriggersMissing}, extra {TriggersExtra}, conflicting {TriggersConflicting}";
        return string.Create(CultureInfo.InvariantCulture,
            $"customers {Customers}, lost {Lost}, doubled {Doubled}, differing {Differing}, {triggers}");
    }
}
