using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Engagement.Ingest;

/// <summary>Checks a record value's bytes before they are read as fields: UTF-8, JSON grammar, nesting depth,
/// lone surrogates and repeated property names, each with its reason code.</summary>
/// <remarks>Once the text passes, reading any string in it cannot throw: System.Text.Json accepts invalid UTF-8 and
/// escaped lone surrogates while parsing and throws only when the string is read.</remarks>
public static partial class JsonTextCheck
{
    /// <summary>The deepest nesting accepted: SPEC's records need 2, the rest leaves room for ignored extra fields.</summary>
    public const int MaxDepth = 16;

    /// <summary>The reason the text is bad, or null when it is well-formed.</summary>
    public static string? Flaw(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            return "invalid_encoding";
        }
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        var names = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= MaxDepth:
                        return "too_deep";
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName when !names.Peek().Add(reader.GetString()!):
                        return Duplicate(reader.GetString()!);
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        // Unescaping is what finds a lone surrogate such as \ud800.
                        _ = reader.GetString();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return "invalid_json";
        }
        catch (InvalidOperationException)
        {
            return "invalid_encoding";
        }
        return null;
    }

    // The name goes into a header and a log line, so only a name shaped like SPEC's field names is repeated back.
    private static string Duplicate(string name) =>
        FieldName().IsMatch(name) ? $"duplicate_field:{name}" : "duplicate_field";

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex FieldName();
}
