namespace Engagement.State;

/// <summary>Activity and AUM history, aggregated by UTC day so the 90-day windows stay bounded.</summary>
[GenerateSerializer, Alias("Engagement.ActivityState")]
public sealed class ActivityState
{
    /// <summary>The earliest event time seen: the start of the customer's history in the engine.</summary>
    [Id(0)] public DateTimeOffset? FirstEventAt { get; set; }
    /// <summary>The latest customer-initiated transaction (anything but interest and fees).</summary>
    [Id(1)] public DateTimeOffset? LastCustomerTransactionAt { get; set; }
    /// <summary>One record per day with activity or an AUM change, oldest first.</summary>
    [Id(2)] public List<DayRecord> Days { get; set; } = [];
}

/// <summary>One UTC day's debits, credits and AUM.</summary>
[GenerateSerializer, Alias("Engagement.DayRecord")]
public sealed class DayRecord
{
    /// <summary>The day.</summary>
    [Id(0)] public DateOnly Date { get; set; }
    /// <summary>Debits posted that day.</summary>
    [Id(1)] public int Debits { get; set; }
    /// <summary>The sum of those debits.</summary>
    [Id(2)] public decimal DebitSum { get; set; }
    /// <summary>Credits posted that day.</summary>
    [Id(3)] public int Credits { get; set; }
    /// <summary>AUM at the end of the day (the latest seen); null when no AUM was recorded that day.</summary>
    [Id(4)] public decimal? AumClose { get; set; }
    /// <summary>The highest AUM seen that day; null when no AUM was recorded that day.</summary>
    [Id(5)] public decimal? AumMax { get; set; }
}
