using System.Text.Json;
using Engagement.Api.Auth;
using Engagement.Development;
using Engagement.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.EndToEndTests.Support;

/// <summary>The whole engine, in this process, on its own ports, against the test's broker and storage.</summary>
internal sealed class TestEngine : IAsyncDisposable
{
    private readonly RunningEngine _engine;

    private TestEngine(RunningEngine engine, string baseUrl)
    {
        _engine = engine;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    /// <summary>The engine's services, for calling a silo service the way another part of the engine would.</summary>
    public IServiceProvider Services => _engine.App.Services;

    public static async Task<TestEngine> StartAsync(IDictionary<string, string?> settings, TimeProvider? clock = null,
        Action<IServiceCollection>? services = null)
    {
        // A short session: a test that restarts an engine rejoins the group in seconds.
        var merged = new Dictionary<string, string?> { ["Kafka:SessionTimeoutMs"] = "6000" };
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }
        var engine = await LocalEngine.BuildAsync(merged, clock, services);
        await engine.App.StartAsync();
        var started = new TestEngine(engine, engine.BaseUrl());
        await Eventually.MatchAsync(() => started.StatusAsync("/health/ready"), s => s == 200, TimeSpan.FromSeconds(30), "ingest to be ready");
        return started;
    }

    public string Token(string role, string? advisorId = null) => Tokens.Valid(role, advisorId);

    public async Task<int> StatusAsync(string path, string? token = null)
    {
        using var response = await SendAsync(HttpMethod.Get, path, token, null);
        return (int)response.StatusCode;
    }

    /// <summary>Sends a request with an optional token and JSON body; the caller disposes the response.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body) =>
        Http.SendAsync(method, path, token, body);

    public Task<JsonElement?> GetJsonAsync(string path, string? token = null) => Http.GetJsonAsync(path, token ?? Token(Roles.Service));

    /// <summary>Waits until the customer has applied <paramref name="events"/> events and returns their state.</summary>
    public Task<JsonElement> CustomerAfterAsync(string customerId, long events, TimeSpan? timeout = null) =>
        Eventually.MatchAsync(
            async () => await GetJsonAsync($"/api/customers/{customerId}") ?? default,
            c => c.ValueKind == JsonValueKind.Object && c.GetProperty("eventsApplied").GetInt64() >= events,
            timeout ?? TimeSpan.FromSeconds(30), $"{customerId} to apply {events} events")!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _engine.App.StopAsync();
        await _engine.DisposeAsync();
    }
}
