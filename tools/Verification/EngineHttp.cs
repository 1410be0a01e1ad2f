using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Engagement.Api;

namespace Engagement.Verification;

/// <summary>Calls to an engine's API with a bearer token, whether the engine runs in this process or in its own.</summary>
public static class EngineHttp
{
    /// <summary>Sends a request with an optional token and JSON body; the caller disposes the response.</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient http, HttpMethod method, string path, string? token, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, options: EngineJson.Options);
        }
        return http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>The JSON a GET answers, or null when it does not answer success.</summary>
    public static async Task<JsonElement?> GetJsonAsync(this HttpClient http, string path, string? token)
    {
        using var response = await http.SendAsync(HttpMethod.Get, path, token, null);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(EngineJson.Options) : null;
    }
}
