namespace Engagement.Telemetry;

/// <summary>Where ingest stands on one assigned partition at <paramref name="AsOf"/>.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition number.</param>
/// <param name="Consumed">The next offset to consume: one past the last record taken; null before the first.</param>
/// <param name="HighWatermark">The partition's end as last fetched; null before the first fetch.</param>
/// <param name="Committed">The group's commit point: where a restart resumes; null while unknown.</param>
/// <param name="CommittedAt">When the commit point last moved (or the partition was assigned).</param>
/// <param name="AsOf">When this was read.</param>
public sealed record PartitionProgress(
    string Topic,
    int Partition,
    long? Consumed,
    long? HighWatermark,
    long? Committed,
    DateTimeOffset CommittedAt,
    DateTimeOffset AsOf)
{
    /// <summary>Records on the partition not consumed yet; null while either end is unknown.</summary>
    public long? Lag => HighWatermark is { } high && (Consumed ?? Committed) is { } position ? Math.Max(0, high - position) : null;

    /// <summary>Seconds the commit point has stood behind records already consumed; 0 when everything consumed is
    /// committed, so an idle partition never looks stuck.</summary>
    public double CommitAgeSeconds =>
        Consumed is { } consumed && consumed > (Committed ?? consumed) ? Math.Max(0, (AsOf - CommittedAt).TotalSeconds) : 0;
}

/// <summary>The one place that knows ingest's progress per partition, read by the metrics and the health detail.</summary>
public interface IIngestProgress
{
    /// <summary>The partitions this silo holds now, in topic and partition order.</summary>
    IReadOnlyList<PartitionProgress> Partitions();
}
