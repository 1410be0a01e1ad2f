using Engagement.Events;

namespace Engagement.Backtests;

/// <summary>One retained input record, read for a back-test: a customer event or a NAV update, and when it entered
/// Kafka (the wall clock its live apply ran at).</summary>
/// <param name="Customer">The customer event, if it is one.</param>
/// <param name="Nav">The NAV update, if it is one.</param>
/// <param name="RecordedAt">When the record entered Kafka (its event time when the broker gave none).</param>
public readonly record struct RetainedRecord(CustomerEvent? Customer, NavUpdated? Nav, DateTimeOffset RecordedAt)
{
    /// <summary>The event time of the record.</summary>
    public DateTimeOffset OccurredAt => Customer?.OccurredAt ?? Nav!.OccurredAt;
}

/// <summary>The input topics' retained records, read apart from live ingest.</summary>
public interface IRetainedInput
{
    /// <summary>Every valid record up to the high watermarks of the moment it is called whose event time is at or before
    /// <paramref name="to"/>, in the order they entered Kafka; <paramref name="progress"/> is told records read and
    /// retained as it goes.</summary>
    Task<IReadOnlyList<RetainedRecord>> ReadAsync(DateTimeOffset to, Action<long, long> progress, CancellationToken cancellation);
}
