using System.Net.Http.Headers;
using System.Text.Json;
using Engagement.Api;

namespace Engagement.EndToEndTests.Support;

/// <summary>Holds a Server-Sent Events connection and collects its events, as a browser's EventSource would.</summary>
internal sealed class SseClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly List<Event> _events = [];

    private SseClient(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public sealed record Event(string? Id, string Type, JsonElement Data);

    public static async Task<SseClient> ConnectAsync(HttpClient http, string path, string token, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        // The server writes a comment once subscribed: events produced after this line are never missed.
        while (await reader.ReadLineAsync() is { } line && !line.StartsWith(": connected", StringComparison.Ordinal))
        {
        }
        return new SseClient(response, reader);
    }

    public string? MediaType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>Reads events until <paramref name="enough"/> holds for all read so far.</summary>
    public async Task<IReadOnlyList<Event>> ReadUntilAsync(Func<IReadOnlyList<Event>, bool> enough, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        string? id = null, type = null, data = null;
        try
        {
            while (!enough(_events))
            {
                var line = await _reader.ReadLineAsync(deadline.Token) ?? throw new EndOfStreamException("The server closed the stream.");
                if (line.Length == 0)
                {
                    if (data is not null)
                    {
                        _events.Add(new Event(id, type ?? "message", JsonSerializer.Deserialize<JsonElement>(data, EngineJson.Options)));
                    }
                    (id, type, data) = (null, null, null);
                }
                else if (line.StartsWith("id: ", StringComparison.Ordinal)) { id = line[4..]; }
                else if (line.StartsWith("event: ", StringComparison.Ordinal)) { type = line[7..]; }
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) { data = line[6..]; }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Read {_events.Count} events in {timeout.TotalSeconds:0} s without reaching the expected set");
        }
        return _events;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
