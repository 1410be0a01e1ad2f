using Engagement.Development.Kafka;
using Engagement.Verification;

namespace Engagement.Faults;

/// <summary>What both phases share: their records (Traffic's, with redeliveries), the fold of them, their own topics,
/// the paced feed, and the check of the engine against the fold afterwards.</summary>
public sealed class Phase
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly Traffic _traffic;
    private readonly Fold _fold;
    private readonly string _bootstrapServers;
    private readonly TextWriter _log;

    private Phase(Traffic traffic, Fold fold, PhaseTopics topics, Feed feed, string bootstrapServers, TextWriter log)
    {
        _traffic = traffic;
        _fold = fold;
        Topics = topics;
        Feed = feed;
        _bootstrapServers = bootstrapServers;
        _log = log;
    }

    /// <summary>The phase's topics.</summary>
    public PhaseTopics Topics { get; }

    /// <summary>The paced producer of the phase's records.</summary>
    public Feed Feed { get; }

    /// <summary>Draws the records of <paramref name="customers"/> customers, folds them and creates the topics.</summary>
    public static Phase Prepare(string name, int customers, int seed, FaultOptions options, EmbeddedKafkaBroker broker, TextWriter log)
    {
        var run = $"{name}{Guid.NewGuid().ToString("N")[..5]}";
        var traffic = new Traffic(run, customers, options.EventsPerCustomer, seed);
        var (records, redelivered) = Deliveries.Of(traffic, options.Redeliveries, seed);
        var fold = Fold.Of(records);
        var topics = new PhaseTopics($"faults-{run}").Create(broker);
        var over = TimeSpan.FromSeconds(Math.Max(options.FeedTime.TotalSeconds, records.Count / 800.0));
        log.WriteLine($"{name}: {records.Count:N0} records for {customers:N0} customers ({traffic.Records.Count:N0} events, " +
                      $"{redelivered:N0} delivered twice), {fold.TriggerIds.Count:N0} triggers in the fold; over {over.TotalSeconds:0} s to {topics.Input}");
        return new Phase(traffic, fold, topics, new Feed(broker.BootstrapServers, topics.Input, records, over), broker.BootstrapServers, log);
    }

    /// <summary>Compares every customer, read through <paramref name="apis"/>, and the triggers topic with the fold.</summary>
    public async Task<PhaseFigures> CheckAsync(IReadOnlyList<HttpClient> apis, CancellationToken cancellation)
    {
        _log.WriteLine("  checking every customer against the fold");
        var (lost, doubled, differing) = await CustomerCheck.RunAsync(_fold, _traffic.CustomerIds, apis, Patience, _log, cancellation);
        _log.WriteLine($"  checking {Topics.Triggers} against the fold");
        var (missing, extra, conflicting) = TriggerCheck.Run(_bootstrapServers, Topics.Triggers, _fold.TriggerIds, TimeSpan.FromSeconds(30), _log);
        return new PhaseFigures(_traffic.CustomerIds.Count, lost, doubled, differing, _fold.TriggerIds.Count, missing, extra, conflicting);
    }
}
