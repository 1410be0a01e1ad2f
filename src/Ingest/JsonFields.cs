using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Engagement.Ingest;

/// <summary>Reads the fields of one JSON object, throwing <see cref="BadInputException"/> with SPEC §1 reason codes.</summary>
public readonly partial struct JsonFields(JsonElement obj)
{
    /// <summary>A required string of at most <paramref name="maxLength"/> characters.</summary>
    public string String(string name, int maxLength = 256) =>
        OptionalString(name, maxLength) ?? throw Missing(name);

    /// <summary>An optional string of at most <paramref name="maxLength"/> characters.</summary>
    public string? OptionalString(string name, int maxLength = 256)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text || text.Length > maxLength
            || text.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || text.AsSpan().ContainsAnyInRange('\u007f', '\u009f'))
        {
            throw Invalid(name);
        }
        return text;
    }

    /// <summary>A required identifier: 1–64 characters of <c>[A-Za-z0-9_.-]</c>.</summary>
    public string Id(string name) => OptionalId(name) ?? throw Missing(name);

    /// <summary>An optional identifier: 1–64 characters of <c>[A-Za-z0-9_.-]</c>.</summary>
    public string? OptionalId(string name)
    {
        var text = OptionalString(name, 64);
        return text is null || IdPattern().IsMatch(text) ? text : throw Invalid(name);
    }

    /// <summary>A required decimal within <paramref name="bound"/>: a JSON number or a numeric string.</summary>
    public decimal Decimal(string name, InputBounds.Bound bound) => OptionalDecimal(name, bound) ?? throw Missing(name);

    /// <summary>A required decimal within <paramref name="bound"/> that must be above zero.</summary>
    public decimal Positive(string name, InputBounds.Bound bound)
    {
        var value = Decimal(name, bound);
        return value > 0m ? value : throw new BadInputException($"non_positive:{name}");
    }

    /// <summary>An optional decimal within <paramref name="bound"/>: a JSON number or a numeric string.</summary>
    public decimal? OptionalDecimal(string name, InputBounds.Bound bound)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }
        var number = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
            // Valid JSON number grammar that decimal cannot hold: too large, or too many digits.
            JsonValueKind.Number => throw OutOfRange(name),
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out _) => throw OutOfRange(name),
            _ => throw Invalid(name),
        };
        return bound.Holds(number) ? number : throw OutOfRange(name);
    }

    /// <summary>A required whole number from 0 to <paramref name="max"/>.</summary>
    public int Int(string name, int max)
    {
        if (Get(name) is not { } value)
        {
            throw Missing(name);
        }
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw Invalid(name);
        }
        if (!value.TryGetInt32(out var i))
        {
            throw value.TryGetDecimal(out var d) && d != decimal.Truncate(d) ? Invalid(name) : OutOfRange(name);
        }
        return i >= 0 && i <= max ? i : throw OutOfRange(name);
    }

    /// <summary>An optional boolean.</summary>
    public bool? OptionalBool(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Invalid(name),
    };

    /// <summary>A required boolean.</summary>
    public bool Bool(string name) => OptionalBool(name) ?? throw Missing(name);

    /// <summary>A required RFC 3339 timestamp with offset whose instant lies in the years of <see cref="InputBounds"/>.</summary>
    public DateTimeOffset Timestamp(string name)
    {
        var text = String(name, 64);
        if (!Rfc3339().IsMatch(text))
        {
            throw Invalid(name);
        }
        // The written year is checked first: at the calendar's ends the offset alone makes the instant unrepresentable.
        if (!InputBounds.InWindow(WrittenYear(text)))
        {
            throw OutOfRange(name);
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            throw Invalid(name);
        }
        return InputBounds.InWindow(at) ? at : throw OutOfRange(name);
    }

    /// <summary>A required <c>YYYY-MM-DD</c> date.</summary>
    public DateOnly Date(string name) => OptionalDate(name) ?? throw Missing(name);

    /// <summary>An optional <c>YYYY-MM-DD</c> date in the years of <see cref="InputBounds"/>.</summary>
    public DateOnly? OptionalDate(string name)
    {
        var text = OptionalString(name, 10);
        if (text is null)
        {
            return null;
        }
        if (!IsoDate().IsMatch(text))
        {
            throw Invalid(name);
        }
        if (!InputBounds.InWindow(WrittenYear(text)))
        {
            throw OutOfRange(name);
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Invalid(name);
    }

    /// <summary>A required enum value written in snake_case, as SPEC §1 spells it.</summary>
    public TEnum Enum<TEnum>(string name) where TEnum : struct, Enum
    {
        var text = String(name, 64);
        return SnakeCase<TEnum>.Values.TryGetValue(text, out var value) ? value : throw Invalid(name);
    }

    /// <summary>An optional nested object.</summary>
    public JsonFields? OptionalObject(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } value => new JsonFields(value),
        _ => throw Invalid(name),
    };

    private JsonElement? Get(string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static BadInputException Missing(string name) => new($"missing_field:{name}");

    private static BadInputException Invalid(string name) => new($"invalid_field:{name}");

    private static BadInputException OutOfRange(string name) => new($"out_of_range:{name}");

    // Callers have matched a pattern that starts with four digits.
    private static int WrittenYear(string text) => int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    private static class SnakeCase<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<string, TEnum> Values = System.Enum.GetValues<TEnum>()
            .ToDictionary(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()), StringComparer.Ordinal);
    }
}
