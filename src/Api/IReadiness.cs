namespace Engagement.Api;

/// <summary>Whether the engine is ready to serve: ingest is consuming.</summary>
public interface IReadiness
{
    /// <summary>True when ingest is consuming.</summary>
    bool IsReady { get; }
}
