using Engagement.Advisors;
using Engagement.Events;
using Engagement.Points;
using Engagement.Products;
using Engagement.Rules;
using Engagement.Rules.Triggers;
using Engagement.Schedule;
using Engagement.State;
using Engagement.Triggers;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Storage;

namespace Engagement.Customers;

/// <summary>One customer: applies their events through the rules, persists the result (with the trigger outbox) in one
/// write per batch, then delivers the outbox to the advisor and <c>eng.triggers</c>.</summary>
public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Customers)] IPersistentState<CustomerState> state,
    CustomerRules rules,
    ITriggerPublisher publisher,
    ILedgerArchive archive,
    TimeProvider clock) : Grain, ICustomerGrain
{
    private const int ConflictAttempts = 3;

    private string CustomerId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<IReadOnlyList<EventRejection>> ApplyAsync(IReadOnlyList<CustomerEvent> events)
    {
        await FlushAsync();
        for (var attempt = 1; ; attempt++)
        {
            var rejections = new List<EventRejection>();
            try
            {
                var holdingsBefore = state.State.Holdings.Keys.ToHashSet(StringComparer.Ordinal);
                var changed = false;
                foreach (var e in events)
                {
                    var result = rules.Apply(state.State, e, clock.GetUtcNow());
                    changed |= result.Status == ApplyStatus.Applied;
                    if (result.Status == ApplyStatus.Rejected)
                    {
                        rejections.Add(new EventRejection(e.EventId, result.Reason!));
                    }
                }
                if (changed)
                {
                    await SyncHoldersAsync(holdingsBefore);
                    await SaveAsync();
                }
            }
            catch (InconsistentStateException) when (attempt < ConflictAttempts)
            {
                // Another writer won: start again from what is stored; the dedupe makes the re-apply exact.
                await state.ReadStateAsync();
                continue;
            }
            catch
            {
                // The in-memory state may hold effects that were never stored: the next activation reads afresh.
                DeactivateOnIdle();
                throw;
            }
            await FlushAsync();
            return rejections;
        }
    }

    /// <inheritdoc />
    public async Task ApplyNavAsync(ProductNav nav)
    {
        if (rules.ApplyNav(state.State, CustomerId, nav, clock.GetUtcNow()))
        {
            await SaveOrDeactivateAsync();
        }
        await FlushAsync();
    }

    /// <inheritdoc />
    public async Task WakeAsync()
    {
        if (rules.AdvanceClock(state.State, CustomerId, clock.GetUtcNow()) || NeedsScheduling())
        {
            await SaveOrDeactivateAsync();
        }
        await FlushAsync();
    }

    /// <inheritdoc />
    [ReadOnly]
    public Task<CustomerAccess> GetAccessAsync() =>
        Task.FromResult(new CustomerAccess(state.State.Exists, state.State.Profile.AdvisorId));

    /// <inheritdoc />
    public async Task<CustomerView?> GetViewAsync()
    {
        if (!state.State.Exists)
        {
            return null;
        }
        await WakeAsync();
        var now = clock.GetUtcNow();
        var eventTime = state.State.LastEventAt is { } last && last > now ? last : now;
        var openTriggers = state.State.Triggers.Triggers.Count(t => t.IsOpen);
        return CustomerViews.From(CustomerId, state.State, eventTime, openTriggers, rules.Settings);
    }

    /// <inheritdoc />
    public async Task<PointsView?> GetPointsAsync(int limit)
    {
        if (!state.State.Exists)
        {
            return null;
        }
        var points = state.State.Points;
        var entries = points.Ledger.AsEnumerable().Reverse().Concat(points.ToArchive.AsEnumerable().Reverse()).Take(limit).ToList();
        if (entries.Count < limit && entries.LastOrDefault() is { Sequence: > 1 } oldest)
        {
            entries.AddRange(await archive.ReadAsync(CustomerId, oldest.Sequence, limit - entries.Count));
        }
        return CustomerViews.PointsOf(points.Balance, entries);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Trigger>?> GetTriggersAsync() =>
        Task.FromResult<IReadOnlyList<Trigger>?>(state.State.Exists
            ? state.State.Triggers.Triggers.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.TriggerId, StringComparer.Ordinal).ToList()
            : null);

    /// <inheritdoc />
    public async Task<RedemptionResult?> RedeemAsync(Redemption redemption)
    {
        if (!state.State.Exists)
        {
            return null;
        }
        var repeated = state.State.Points.Redemptions.Exists(r => r.RedemptionId == redemption.RedemptionId);
        var answer = PointsRules.Redeem(state.State.Points, redemption.RedemptionId, redemption.Points, clock.GetUtcNow(), rules.Settings);
        if (!repeated)
        {
            await SaveOrDeactivateAsync();
            await FlushAsync();
        }
        return new RedemptionResult(answer.Accepted, answer.Balance);
    }

    /// <inheritdoc />
    public async Task<Trigger?> RecordOutcomeAsync(string triggerId, TriggerOutcome outcome)
    {
        if (TriggerFiring.RecordOutcome(state.State, triggerId, outcome, rules.Triggers) is not { } updated)
        {
            return null;
        }
        await SaveOrDeactivateAsync();
        await FlushAsync();
        return updated;
    }

    // Persists the state together with the outbox and the next wake-up; the schedule is told first, so a crash
    // after it leaves at worst one needless wake-up, never a missed one.
    private async Task SaveAsync()
    {
        var next = rules.NextDue(state.State, clock.GetUtcNow());
        if (next is { } due && (state.State.ScheduledWakeAt is not { } scheduled || due < scheduled || scheduled <= clock.GetUtcNow()))
        {
            await GrainFactory.GetGrain<IDueBucketGrain>(DueBuckets.KeyOf(due, CustomerId)).AddAsync(CustomerId, due);
            state.State.ScheduledWakeAt = due;
        }
        await SyncBookAsync();
        await state.WriteStateAsync();
    }

    private bool NeedsScheduling() =>
        rules.NextDue(state.State, clock.GetUtcNow()) is { } due
        && (state.State.ScheduledWakeAt is not { } scheduled || due < scheduled || scheduled <= clock.GetUtcNow());

    private async Task SaveOrDeactivateAsync()
    {
        try
        {
            await SaveAsync();
        }
        catch
        {
            // The in-memory state may hold effects that were never stored: the next activation reads afresh.
            DeactivateOnIdle();
            throw;
        }
    }

    // The outbox and the entries leaving the ledger were written with the state: after a crash they are delivered
    // again with the same triggerIds and entry numbers, never as new ones.
    private async Task FlushAsync()
    {
        var leaving = state.State.Points.ToArchive;
        if (leaving.Count > 0)
        {
            var archived = leaving.ToList();
            await archive.AppendAsync(CustomerId, archived);
            leaving.RemoveRange(0, archived.Count);
        }
        var outbox = state.State.Triggers.Outbox;
        if (outbox.Count == 0)
        {
            return;
        }
        var pending = outbox.ToList();
        // eng.triggers carries each trigger as the advisor's inbox holds it: with the digest flag its daily cap decided.
        var delivered = new List<Trigger>(pending.Count);
        foreach (var advisor in pending.GroupBy(t => t.AdvisorId))
        {
            delivered.AddRange(await GrainFactory.GetGrain<IAdvisorGrain>(advisor.Key).DeliverAsync(advisor.ToList()));
        }
        await publisher.PublishAsync(delivered);
        outbox.RemoveAll(t => pending.Contains(t));
    }

    // The advisor's book follows the customer's current advisor. A customer with no advisor joins the unassigned book
    // once registered: records that overtake the registration on another topic would otherwise book them there for a
    // moment, and each such moment rewrites that large book twice.
    private async Task SyncBookAsync()
    {
        var advisorId = state.State.Profile.AdvisorId ?? TriggerFiring.Unassigned;
        if (state.State.BookedWith == advisorId
            || (state.State.BookedWith is null && advisorId == TriggerFiring.Unassigned && state.State.Triggers.RegisteredOn is null))
        {
            return;
        }
        await GrainFactory.GetGrain<IAdvisorGrain>(advisorId).AddCustomerAsync(CustomerId);
        if (state.State.BookedWith is { } previous)
        {
            await GrainFactory.GetGrain<IAdvisorGrain>(previous).RemoveCustomerAsync(CustomerId);
        }
        state.State.BookedWith = advisorId;
    }

    // New holders learn the product's latest NAV now, so it is in this batch's single write.
    private async Task SyncHoldersAsync(HashSet<string> holdingsBefore)
    {
        foreach (var productId in state.State.Holdings.Keys.Where(p => !holdingsBefore.Contains(p)).ToList())
        {
            if (await GrainFactory.GetGrain<IProductGrain>(productId).AddHolderAsync(CustomerId) is { } nav)
            {
                rules.ApplyNav(state.State, CustomerId, nav, clock.GetUtcNow());
            }
        }
        foreach (var productId in holdingsBefore.Where(p => !state.State.Holdings.ContainsKey(p)))
        {
            await GrainFactory.GetGrain<IProductGrain>(productId).RemoveHolderAsync(CustomerId);
        }
    }
}
