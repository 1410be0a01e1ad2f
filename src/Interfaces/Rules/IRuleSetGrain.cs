using Orleans.Concurrency;

namespace Engagement.Rules;

/// <summary>The bank's rule set and its history (key 0): one per cluster, stored durably; every silo's rule book follows
/// it.</summary>
public interface IRuleSetGrain : IGrainWithIntegerKey
{
    /// <summary>The version in force.</summary>
    [AlwaysInterleave]
    Task<RuleSetVersion> GetCurrentAsync();

    /// <summary>One version, or null when there is none such.</summary>
    [AlwaysInterleave]
    Task<RuleSetVersion?> GetAsync(int version);

    /// <summary>Validates <paramref name="figures"/> (a JSON object; figures left out keep the value in force) and, when
    /// valid, stores them as the next version and tells every subscribed silo before answering.</summary>
    Task<RuleSetChange> ChangeAsync(string figures, string createdBy);

    /// <summary>Tells <paramref name="observer"/> of every version from now on; a subscription lapses unless renewed.</summary>
    [AlwaysInterleave]
    Task SubscribeAsync(IRuleSetObserver observer);
}

/// <summary>A silo's rule book, told of each new version.</summary>
public interface IRuleSetObserver : IGrainObserver
{
    /// <summary>A new version is in force.</summary>
    Task InForceAsync(RuleSetVersion ruleSet);
}
