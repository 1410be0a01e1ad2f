using System.Globalization;
using System.Text.Json;
using Engagement.Triggers;

namespace Engagement.Rules.Triggers.Explanations;

/// <summary>Reads a trigger's facts by name for its explanation; a fact the rule did not record is a defect and throws.</summary>
public sealed class Facts
{
    private readonly JsonElement _root;
    private readonly RuleCalendar _calendar;

    /// <summary>Reads <paramref name="facts"/>; moment facts are dated in <paramref name="calendar"/>.</summary>
    public Facts(TriggerFacts facts, RuleCalendar calendar)
    {
        _calendar = calendar;
        using var document = JsonDocument.Parse(facts.Json);
        _root = document.RootElement.Clone();
    }

    /// <summary>A text fact.</summary>
    public string Text(string name) => _root.GetProperty(name).GetString()!;

    /// <summary>A text fact that may be absent or null.</summary>
    public string? OptionalText(string name) => Has(name) ? _root.GetProperty(name).GetString() : null;

    /// <summary>A decimal fact.</summary>
    public decimal Number(string name) => _root.GetProperty(name).GetDecimal();

    /// <summary>A whole-number fact.</summary>
    public int Whole(string name) => _root.GetProperty(name).GetInt32();

    /// <summary>Whether the fact is present and not null.</summary>
    public bool Has(string name) => _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>A date fact, or the day of a moment fact in the engine's calendar.</summary>
    public DateOnly Date(string name)
    {
        var value = _root.GetProperty(name);
        return DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : _calendar.DayOf(value.GetDateTimeOffset());
    }
}
