using Engagement.Api;

namespace Engagement.Silo.Ingest;

/// <summary>Readiness for the API's <c>/health/ready</c>: ingest is consuming.</summary>
public sealed class IngestReadiness(IngestStatus status) : IReadiness
{
    /// <inheritdoc />
    public bool IsReady => status.Consuming;
}
