using Engagement.Rules.Triggers;
using Engagement.State;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Engagement.Rules;

/// <summary>The bank's rule set (key 0): validates and stores each change as a new version, keeps every version
/// readable, and tells every silo's rule book before a change is answered.</summary>
public sealed class RuleSetGrain(
    [PersistentState("ruleset", StorageNames.Rules)] IPersistentState<RuleSetHistory> history,
    RuleSettings configured,
    TriggerSettings configuredTriggers,
    TimeProvider clock,
    ILogger<RuleSetGrain> logger) : Grain, IRuleSetGrain
{
    /// <summary>How long a silo's subscription lasts unless renewed.</summary>
    public static readonly TimeSpan SubscriptionLapse = TimeSpan.FromMinutes(1);

    // A silo that does not answer in time learns of the version at its next renewal instead.
    private static readonly TimeSpan TellTimeout = TimeSpan.FromSeconds(5);

    private readonly ObserverManager<IRuleSetObserver> _silos = new(SubscriptionLapse, logger);
    private RuleSetVersion? _configured;

    private RuleSetVersion Current => history.State.Versions.LastOrDefault() ?? Configured;

    // Read by every silo's renewal while no change was made: built once per activation, not per read.
    private RuleSetVersion Configured => _configured ??=
        new(RuleSetDocument.ConfiguredVersion, RuleSetDocument.ToJson(configured, configuredTriggers), null, RuleSetDocument.Configuration);

    /// <inheritdoc />
    public Task<RuleSetVersion> GetCurrentAsync() => Task.FromResult(Current);

    /// <inheritdoc />
    public Task<RuleSetVersion?> GetAsync(int version) => Task.FromResult(history.State.Versions.Find(v => v.Version == version)
        ?? (version == RuleSetDocument.ConfiguredVersion && history.State.Versions.Count == 0 ? Configured : null));

    /// <inheritdoc />
    public async Task<RuleSetChange> ChangeAsync(string figures, string createdBy)
    {
        var current = Current;
        var (rules, triggers) = RuleSetDocument.Read(current, configured, configuredTriggers);
        var change = RuleSetDocument.Change(figures, rules, triggers);
        if (change.Problems.Count > 0)
        {
            return new RuleSetChange(null, change.Problems);
        }
        var next = new RuleSetVersion(current.Version + 1, RuleSetDocument.ToJson(change.Rules!, change.Triggers!), clock.GetUtcNow(), createdBy);
        var versions = new List<RuleSetVersion>(history.State.Versions.Count == 0 ? [current] : history.State.Versions) { next };
        var before = history.State.Versions;
        history.State.Versions = versions;
        try
        {
            await history.WriteStateAsync();
        }
        catch
        {
            history.State.Versions = before;
            throw;
        }
        logger.LogInformation("Rule set version {Version} is in force", next.Version);
        await Task.WhenAll(_silos.Select(silo => TellAsync(silo, next)));
        return new RuleSetChange(next, []);
    }

    /// <inheritdoc />
    public Task SubscribeAsync(IRuleSetObserver observer)
    {
        _silos.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    private async Task TellAsync(IRuleSetObserver silo, RuleSetVersion ruleSet)
    {
        try
        {
            await silo.InForceAsync(ruleSet).WaitAsync(TellTimeout);
        }
        catch (Exception e)
        {
            logger.LogWarning("A silo was not told of rule set version {Version} ({Error}); it reads it when it renews", ruleSet.Version, LoggedFailure.Describe(e));
        }
    }
}
