using Engagement.Advisors;
using Engagement.Checkpoints;
using Engagement.Points;
using Engagement.Products;
using Engagement.Schedule;
using Engagement.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Engagement.Effects;

/// <summary>The silo's channels for what a customer's turn causes elsewhere: advisor inboxes and books (an advisor
/// publishes its triggers to <c>eng.triggers</c>), the wake-up schedule, product holders and the ledger archive.</summary>
/// <remarks>Every target takes its effects idempotently (triggers by id and version, set membership, earliest wake-up,
/// entries by number): after a crash the customer posts its outbox again.</remarks>
public sealed class EffectDispatcher : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly EffectChannel<AdvisorEffect> _advisors;
    private readonly EffectChannel<DueEntry> _schedule;
    private readonly EffectChannel<HolderChange> _holders;
    private readonly EffectChannel<IReadOnlyList<LedgerEntry>> _archive;

    /// <summary>Creates the channels over the shared effect sequence, each with at most
    /// <see cref="CheckpointOptions.MaxDeliveriesInFlight"/> deliveries under way.</summary>
    public EffectDispatcher(IGrainFactory grains, ILedgerArchive archive, SequenceTracker sequences,
        IOptions<CheckpointOptions> options, TimeProvider clock, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<EffectDispatcher>();
        var stopping = _stopping.Token;
        // One bound per channel: an advisor's delivery, which its live push waits for, never queues behind bucket writes.
        var inFlight = options.Value.MaxDeliveriesInFlight;
        _advisors = new("advisor", async (advisorId, effects) =>
        {
            var advisor = grains.GetGrain<IAdvisorGrain>(advisorId);
            var write = await advisor.ApplyAsync(effects);
            return WrittenAsync(advisor, write, stopping);
        }, sequences, inFlight, clock, logger, stopping);
        _schedule = new("schedule", (bucket, entries) => Stored(grains.GetGrain<IDueBucketGrain>(bucket).AddAsync(entries)),
            sequences, inFlight, clock, logger, stopping);
        _holders = new("product holder", (productId, changes) => Stored(grains.GetGrain<IProductGrain>(productId).UpdateHoldersAsync(changes)),
            sequences, inFlight, clock, logger, stopping);
        _archive = new("ledger archive", (customerId, batches) => Stored(archive.AppendAsync(customerId, batches.SelectMany(b => b).ToList())),
            sequences, inFlight, clock, logger, stopping);
    }

    /// <summary>Stops every channel's sending and retrying (the host is going).</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    // A slow store can take longer than a grain call may: the question is asked again rather than the batch sent again.
    private static async Task WrittenAsync(IAdvisorGrain advisor, AdvisorWrite write, CancellationToken stopping)
    {
        while (true)
        {
            try
            {
                await advisor.WhenWrittenAsync(write);
                return;
            }
            catch (TimeoutException) when (!stopping.IsCancellationRequested)
            {
            }
        }
    }

    // For targets whose call returns once the effect is stored: taken and stored are one.
    private static async Task<Task> Stored(Task call)
    {
        await call;
        return Task.CompletedTask;
    }

    /// <summary>Delivers an inbox or book change to an advisor.</summary>
    public void Deliver(string advisorId, AdvisorEffect effect, Action done) => _advisors.Post(advisorId, effect, done);

    /// <summary>Asks the schedule to wake a customer.</summary>
    public void Schedule(DueEntry entry, Action done) => _schedule.Post(DueBuckets.KeyOf(entry.DueAt, entry.CustomerId), entry, done);

    /// <summary>Tells a product that a customer started or stopped holding it.</summary>
    public void UpdateHolder(string productId, HolderChange change, Action done) => _holders.Post(productId, change, done);

    /// <summary>Stores ledger entries that left a customer's state.</summary>
    public void Archive(string customerId, IReadOnlyList<LedgerEntry> entries, Action done) => _archive.Post(customerId, entries, done);
}
