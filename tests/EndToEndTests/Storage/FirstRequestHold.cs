using Azure.Core;
using Azure.Core.Pipeline;

namespace Engagement.EndToEndTests.Storage;

/// <summary>A table client policy that notes every request it sends and holds the first one until released, so that a
/// test can queue work behind one request known to be in flight.</summary>
public sealed class FirstRequestHold : HttpPipelinePolicy
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _requests = [];

    /// <summary>Completes when the first request is held.</summary>
    public Task Arrived => _arrived.Task;

    /// <summary>Each request sent, as its method and last path segment (<c>$batch</c> for a transaction).</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Lets the first request go on.</summary>
    public void Release() => _released.TrySetResult();

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        bool first;
        lock (_requests)
        {
            first = _requests.Count == 0;
            _requests.Add($"{message.Request.Method} {message.Request.Uri.ToUri().Segments[^1]}");
        }
        if (first)
        {
            _arrived.TrySetResult();
            await _released.Task;
        }
        await ProcessNextAsync(message, pipeline);
    }

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
}
