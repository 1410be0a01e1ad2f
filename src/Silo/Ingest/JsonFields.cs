using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Engagement.Silo.Ingest;

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
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text || text.Length > maxLength)
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

    /// <summary>A required decimal: a JSON number or a numeric string.</summary>
    public decimal Decimal(string name) => OptionalDecimal(name) ?? throw Missing(name);

    /// <summary>A required decimal that must be above zero.</summary>
    public decimal Positive(string name)
    {
        var value = Decimal(name);
        return value > 0m ? value : throw new BadInputException($"non_positive:{name}");
    }

    /// <summary>An optional decimal: a JSON number or a numeric string.</summary>
    public decimal? OptionalDecimal(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
            _ => throw Invalid(name),
        };
    }

    /// <summary>A required whole number.</summary>
    public int Int(string name)
    {
        if (Get(name) is not { } value)
        {
            throw Missing(name);
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : throw Invalid(name);
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

    /// <summary>A required RFC 3339 timestamp with offset.</summary>
    public DateTimeOffset Timestamp(string name)
    {
        var text = String(name, 64);
        return Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : throw Invalid(name);
    }

    /// <summary>A required <c>YYYY-MM-DD</c> date.</summary>
    public DateOnly Date(string name) => OptionalDate(name) ?? throw Missing(name);

    /// <summary>An optional <c>YYYY-MM-DD</c> date.</summary>
    public DateOnly? OptionalDate(string name)
    {
        var text = OptionalString(name, 10);
        if (text is null)
        {
            return null;
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

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    private static class SnakeCase<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<string, TEnum> Values = System.Enum.GetValues<TEnum>()
            .ToDictionary(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()), StringComparer.Ordinal);
    }
}
