using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engagement.Triggers;

/// <summary>The figures behind a trigger, kept as a compact JSON object and written out as-is.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.TriggerFacts")]
[JsonConverter(typeof(TriggerFactsJsonConverter))]
public sealed record TriggerFacts([property: Id(0)] string Json)
{
    /// <summary>No facts.</summary>
    public static TriggerFacts Empty { get; } = new("{}");

    /// <summary>Facts from name/value pairs; values may be strings, decimals, whole numbers, dates, moments or booleans.</summary>
    public static TriggerFacts Of(params (string Name, object? Value)[] facts)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in facts)
            {
                writer.WritePropertyName(name);
                switch (value)
                {
                    case null: writer.WriteNullValue(); break;
                    case decimal d: writer.WriteNumberValue(d); break;
                    case int i: writer.WriteNumberValue(i); break;
                    case long l: writer.WriteNumberValue(l); break;
                    case bool b: writer.WriteBooleanValue(b); break;
                    case DateOnly date: writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                    case DateTimeOffset at: writer.WriteStringValue(at); break;
                    default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                }
            }
            writer.WriteEndObject();
        }
        return new TriggerFacts(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}

/// <summary>Writes <see cref="TriggerFacts"/> as the JSON object it holds.</summary>
public sealed class TriggerFactsJsonConverter : JsonConverter<TriggerFacts>
{
    /// <inheritdoc />
    public override TriggerFacts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new TriggerFacts(document.RootElement.GetRawText());
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TriggerFacts value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json, skipInputValidation: true);
}
