using Engagement.Rules.Triggers;
using Orleans.Concurrency;

namespace Engagement.Advisors;

/// <summary>The cluster's view of conversion: asks every advisor in the directory for its counts of the window and adds
/// them up, at most once per <see cref="MaxAge"/>; callers in between share the last gathering, or the one under way.</summary>
/// <remarks>Read when asked rather than reported to: an outcome only updates its advisor's own shard, as before, and
/// ingest does no more work at all. Reentrant so that callers arriving during a gathering wait for that one.</remarks>
[Reentrant]
public sealed class ConversionGrain(TimeProvider clock, TriggerSettings settings) : Grain, IConversionGrain
{
    /// <summary>How long one gathering is served, counted from its start.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    // Advisors asked at once: enough to hide the round trips, few enough not to flood a silo's queues.
    private const int Concurrency = 64;

    private Task<ConversionTable>? _gathering;
    private DateOnly _through;
    private DateTimeOffset _startedAt;

    /// <inheritdoc />
    public Task<ConversionTable> AsOfAsync(DateTimeOffset asOf)
    {
        var through = settings.Calendar.DayOf(asOf);
        var now = clock.GetUtcNow();
        if (_gathering is null || through != _through
            || (_gathering.IsCompleted && (!_gathering.IsCompletedSuccessfully || now - _startedAt >= MaxAge)))
        {
            (_gathering, _through, _startedAt) = (GatherAsync(through), through, now);
        }
        return _gathering;
    }

    private async Task<ConversionTable> GatherAsync(DateOnly through)
    {
        var advisors = await GrainFactory.GetGrain<IAdvisorDirectoryGrain>(0).GetAdvisorsAsync();
        var rates = new List<ConversionRate>();
        foreach (var chunk in advisors.Chunk(Concurrency))
        {
            var answers = await Task.WhenAll(chunk.Select(id => GrainFactory.GetGrain<IAdvisorGrain>(id).GetConversionAsync(through)));
            rates.AddRange(answers.SelectMany(a => a));
        }
        return Conversion.Table(rates, through);
    }
}
