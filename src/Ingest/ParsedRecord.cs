using Engagement.Events;

namespace Engagement.Ingest;

/// <summary>A Kafka record read as SPEC §1: a customer event, a NAV update, or the reason it is bad input.</summary>
public readonly record struct ParsedRecord(CustomerEvent? Customer, NavUpdated? Nav, string? Error)
{
    /// <summary>A valid customer event.</summary>
    public static ParsedRecord Of(CustomerEvent e) => new(e, null, null);

    /// <summary>A valid NAV update.</summary>
    public static ParsedRecord Of(NavUpdated nav) => new(null, nav, null);

    /// <summary>Bad input, with the reason code for the dead-letter <c>error</c> header.</summary>
    public static ParsedRecord Bad(string reason) => new(null, null, reason);
}
