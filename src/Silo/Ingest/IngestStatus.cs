namespace Engagement.Silo.Ingest;

/// <summary>Whether ingest is consuming: the readiness of the engine.</summary>
public sealed class IngestStatus
{
    private volatile bool _consuming;

    /// <summary>True once the consumer has joined its group and holds an assignment.</summary>
    public bool Consuming => _consuming;

    /// <summary>Marks ingest as consuming or not.</summary>
    public void Set(bool consuming) => _consuming = consuming;
}
