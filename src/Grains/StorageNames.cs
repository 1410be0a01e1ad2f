namespace Engagement;

/// <summary>The names of the grain storage providers the silo must register.</summary>
public static class StorageNames
{
    /// <summary>Product state: NAV and holders.</summary>
    public const string Products = "products";

    /// <summary>Advisor state: inbox, book and metrics.</summary>
    public const string Advisors = "advisors";

    /// <summary>The wake-up schedule's hour buckets.</summary>
    public const string Schedule = "schedule";

    /// <summary>The rule set's versions.</summary>
    public const string Rules = "rules";

    /// <summary>The grains that exist once per cluster: the wake-up clock's cursor and the advisor directory.</summary>
    public const string Cluster = "cluster";
}
