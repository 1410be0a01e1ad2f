using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engagement.Api;

/// <summary>The JSON shape of SPEC §5: camelCase names, snake_case enum values.</summary>
public static class EngineJson
{
    /// <summary>Applies the engine's JSON conventions to serializer options.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }

    /// <summary>Options for callers outside ASP.NET Core (the trigger publisher, tests).</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
