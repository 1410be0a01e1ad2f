using Engagement.Customers;
using Engagement.Events;
using Engagement.Products;
using Engagement.Rules.Triggers;
using Engagement.State;
using Engagement.Triggers;

namespace Engagement.Rules;

/// <summary>Folds a customer's events into their state: balances, holdings, AUM, tier, points, life-cycle stage
/// and the maintenance triggers they fire.</summary>
public sealed class CustomerRules(RuleSettings settings, TriggerSettings triggers)
{
    /// <summary>The figures the rules run on.</summary>
    public RuleSettings Settings => settings;

    /// <summary>The figures the trigger rules run on.</summary>
    public TriggerSettings Triggers => triggers;

    /// <summary>The version of the rule set these rules are.</summary>
    public int Version => triggers.RuleVersion;

    /// <summary>Applies one event at the later of its event time and <paramref name="wallNow"/>; a repeat changes nothing.
    /// The triggers it fires are added to <paramref name="fired"/>, when given.</summary>
    public ApplyResult Apply(CustomerState state, CustomerEvent e, DateTimeOffset wallNow, List<Trigger>? fired = null)
    {
        if (state.Applied.Contains(e))
        {
            return ApplyResult.Duplicate;
        }
        if (Validate(state, e) is { } reason)
        {
            return ApplyResult.Rejected(reason);
        }
        var now = Later(Later(state.LastEventAt, e.OccurredAt), wallNow);
        if (state.Exists)
        {
            Settle(state, e.CustomerId, now, wallNow, fired, [], []);
        }
        var tierInForce = state.Tier.Current;
        var windowStart = ActivityRules.WindowStart(now, settings.LifecycleWindow);
        var movement = new MovementContext(tierInForce, ActivityRules.DebitsSince(state.Activity, windowStart),
            state.Activity.Days.Where(d => d.Date > windowStart).Sum(d => d.DebitSum), state.Aum);
        Mutate(state, e, tierInForce);

        state.Exists = true;
        state.EventsApplied++;
        state.LastEventAt = Later(state.LastEventAt, e.OccurredAt);
        state.Activity.FirstEventAt = state.Activity.FirstEventAt is { } first && first <= e.OccurredAt ? first : e.OccurredAt;
        state.Applied.Add(e, settings.RecentEventIdsKept);

        if (e is AdvisorAssigned or CustomerRegistered)
        {
            TriggerFiring.FollowAdvisor(state, triggers);
        }
        var candidates = EventTriggers.For(state, e, triggers.Calendar).ToList();
        if (e is TransactionPosted posted)
        {
            MovementTriggers.NoteDebit(state.Triggers, posted, triggers);
        }
        Settle(state, e.CustomerId, now, wallNow, fired, candidates, [e.EventId], e is TransactionPosted t
            ? () => MovementTriggers.For(state, t, movement, now, triggers)
            : null, e.OccurredAt);
        return ApplyResult.Applied;
    }

    /// <summary>Revalues a holding with a product's NAV; an older NAV than the one held changes nothing. The triggers it
    /// fires are added to <paramref name="fired"/>, when given.</summary>
    public bool ApplyNav(CustomerState state, string customerId, ProductNav nav, DateTimeOffset wallNow, List<Trigger>? fired = null)
    {
        if (!state.Holdings.TryGetValue(nav.ProductId, out var holding)
            || (holding.NavAsOf is { } asOf && asOf >= nav.AsOf))
        {
            return false;
        }
        holding.Nav = nav.Nav;
        holding.NavAsOf = nav.AsOf;
        var now = Later(state.LastEventAt, wallNow);
        var aumBefore = state.Aum;
        Settle(state, customerId, now, wallNow, fired, [], [],
            () => MovementTriggers.BalanceDrop(state, aumBefore, now, triggers, [], nav.AsOf) is { } drop ? [drop] : [], nav.AsOf);
        return true;
    }

    /// <summary>Runs the clock-driven rules (grace period, inactivity, due dates, expiry) at <paramref name="wallNow"/>;
    /// says whether anything changed. The triggers it fires are added to <paramref name="fired"/>, when given.</summary>
    public bool AdvanceClock(CustomerState state, string customerId, DateTimeOffset wallNow, List<Trigger>? fired = null)
    {
        if (!state.Exists)
        {
            return false;
        }
        return Settle(state, customerId, Later(state.LastEventAt, wallNow), wallNow, fired, [], []);
    }

    /// <summary>Spends points at <paramref name="wallNow"/>, after the clock-driven rules (so expired points are gone);
    /// a repeated redemption only gets its first answer. The triggers the clock fires are added to
    /// <paramref name="fired"/>, when given.</summary>
    public RedemptionAnswer Redeem(CustomerState state, string customerId, string redemptionId, long points, DateTimeOffset wallNow,
        List<Trigger>? fired = null)
    {
        if (!state.Points.Redemptions.Exists(r => r.RedemptionId == redemptionId))
        {
            AdvanceClock(state, customerId, wallNow, fired);
        }
        return PointsRules.Redeem(state.Points, redemptionId, points, wallNow, settings);
    }

    /// <summary>The next moment the customer needs waking for a clock-driven rule, if any.</summary>
    public DateTimeOffset? NextDue(CustomerState state, DateTimeOffset wallNow) =>
        state.Exists ? ScheduledTriggers.NextDue(state, Later(state.LastEventAt, wallNow), settings, triggers) : null;

    // Brings AUM, tier and stage up to now and fires what that and the clock make due, plus the event's own candidates;
    // of the movement candidates at most one fires, the first by precedence that is not deduped, and the lower ones that
    // matched too start their cooldowns, so that a later event does not fire them for the same movement. Tier, decline and
    // holding triggers carry the time of the event or NAV that caused them (causedAt), or now when the clock did. Says
    // whether the tier, the stage or the triggers changed.
    private bool Settle(CustomerState state, string customerId, DateTimeOffset now, DateTimeOffset wallNow, List<Trigger>? fired,
        List<TriggerCandidate> candidates, IReadOnlyList<string> sourceEventIds, Func<IEnumerable<TriggerCandidate>>? movements = null,
        DateTimeOffset? causedAt = null)
    {
        var cause = causedAt ?? now;
        var tierBefore = state.Tier.Current;
        var stageBefore = state.Stage;
        var tierChange = Reassess(state, now);
        if (ChangeTriggers.ForTier(state, tierChange, tierBefore, cause, sourceEventIds, settings, triggers) is { } tier)
        {
            candidates.Add(tier);
        }
        if (state.Stage == LifecycleStage.Decline && stageBefore != LifecycleStage.Decline)
        {
            candidates.Add(ChangeTriggers.ForDecline(state, now, cause, sourceEventIds, settings));
        }
        candidates.AddRange(ChangeTriggers.ForHoldings(state, now, cause, sourceEventIds, triggers));
        var matched = movements?.Invoke().ToList() ?? [];
        var first = matched.FindIndex(m => TriggerFiring.CanFire(state, m, now, triggers));
        if (first >= 0)
        {
            candidates.Add(matched[first]);
            foreach (var covered in matched.Skip(first + 1))
            {
                TriggerFiring.Cover(state, covered, now, triggers);
            }
        }
        var pointsExpired = PointsRules.Expire(state.Points, now, triggers.Calendar, settings);
        candidates.AddRange(ScheduledTriggers.Due(state, now, triggers));
        var expired = TriggerFiring.Expire(state, now, triggers);
        foreach (var candidate in candidates)
        {
            if (TriggerFiring.Fire(state, customerId, candidate, now, wallNow, triggers) is { } trigger)
            {
                fired?.Add(trigger);
            }
        }
        return tierChange != TierChange.None || state.Stage != stageBefore || candidates.Count > 0 || expired > 0 || pointsExpired;
    }

    private static string? Validate(CustomerState state, CustomerEvent e) => e switch
    {
        TransactionPosted { BalanceAfter: null } posted
            when state.Accounts.TryGetValue(posted.AccountId, out var account) && AumRules.CountsInAum(account.Type)
            => "missing_field:balanceAfter",
        _ => null,
    };

    private void Mutate(CustomerState state, CustomerEvent e, Tier tierInForce)
    {
        switch (e)
        {
            case CustomerRegistered r:
                var profile = state.Profile;
                profile.Name = r.Name;
                if (r.BirthDate is not null)
                {
                    (profile.BirthDate, profile.BirthDateFrom) = (r.BirthDate, r.EventId);
                }
                profile.AdvisorId = r.AdvisorId ?? profile.AdvisorId;
                profile.BranchId = r.BranchId ?? profile.BranchId;
                (profile.JoinedAt, profile.JoinedAtFrom) = (r.JoinedAt, r.EventId);
                profile.DoNotContact = r.DoNotContact;
                break;
            case CustomerUpdated u:
                state.Profile.Name = u.Name ?? state.Profile.Name;
                if (u.BirthDate is not null)
                {
                    (state.Profile.BirthDate, state.Profile.BirthDateFrom) = (u.BirthDate, u.EventId);
                }
                state.Profile.BranchId = u.BranchId ?? state.Profile.BranchId;
                break;
            case AdvisorAssigned a:
                state.Profile.AdvisorId = a.AdvisorId;
                break;
            case ConsentChanged c:
                state.Profile.DoNotContact = c.DoNotContact;
                break;
            case AccountOpened o:
                var opened = AccountFor(state, o.AccountId);
                opened.Type = o.AccountType;
                opened.MaturityDate = o.MaturityDate;
                opened.OpenedBy = o.EventId;
                SetBalance(opened, o.Balance, o.OccurredAt);
                break;
            case AccountClosed c:
                state.Accounts.Remove(c.AccountId);
                break;
            case InvestmentPurchased p:
                Purchase(state, p, tierInForce);
                break;
            case InvestmentRedeemed r:
                Redeem(state, r);
                break;
            case TransactionPosted t:
                if (t.BalanceAfter is { } balance)
                {
                    SetBalance(AccountFor(state, t.AccountId), balance, t.OccurredAt);
                }
                else
                {
                    AccountFor(state, t.AccountId);
                }
                ActivityRules.RecordTransaction(state.Activity, t);
                if (t.Kind == TransactionKind.CardPurchase)
                {
                    PointsRules.Earn(state.Points, t.EventId,
                        PointsRules.Earned(t.Amount, settings.CardPurchaseRate, tierInForce, settings), t.OccurredAt, triggers.Calendar, settings);
                }
                break;
            case TransactionReversed v:
                SetBalance(AccountFor(state, v.AccountId), v.BalanceAfter, v.OccurredAt);
                PointsRules.Reverse(state.Points, v.OriginalEventId, v.EventId,
                    state.Applied.ContainsEventId(v.OriginalEventId), v.OccurredAt, settings);
                break;
        }
    }

    private void Purchase(CustomerState state, InvestmentPurchased p, Tier tierInForce)
    {
        if (!state.Holdings.TryGetValue(p.ProductId, out var holding))
        {
            holding = new HoldingState();
            state.Holdings[p.ProductId] = holding;
        }
        holding.ProductType = p.ProductType;
        holding.Units += p.Units;
        holding.Cost += p.Amount;
        holding.LastPrice = p.Price;
        PointsRules.Earn(state.Points, p.EventId,
            PointsRules.Earned(p.Amount, settings.InvestmentRate, tierInForce, settings), p.OccurredAt, triggers.Calendar, settings);
    }

    // Cost falls in proportion to the units redeemed (average cost); a holding with no units left is gone.
    private static void Redeem(CustomerState state, InvestmentRedeemed r)
    {
        if (!state.Holdings.TryGetValue(r.ProductId, out var holding))
        {
            return;
        }
        var remaining = holding.Units - r.Units;
        if (remaining <= 0m)
        {
            state.Holdings.Remove(r.ProductId);
            if (holding.HolderRegistered)
            {
                state.LeftProducts.Add(r.ProductId);
            }
            return;
        }
        holding.Cost = Money.ToCents(holding.Cost * remaining / holding.Units);
        holding.Units = remaining;
    }

    private static AccountState AccountFor(CustomerState state, string accountId)
    {
        if (!state.Accounts.TryGetValue(accountId, out var account))
        {
            account = new AccountState();
            state.Accounts[accountId] = account;
        }
        return account;
    }

    // Records on different topics arrive in any order: a balance only moves forward in event time.
    private static void SetBalance(AccountState account, decimal balance, DateTimeOffset at)
    {
        if (account.BalanceAt is { } known && known > at)
        {
            return;
        }
        account.Balance = balance;
        account.BalanceAt = at;
    }

    private TierChange Reassess(CustomerState state, DateTimeOffset now)
    {
        state.Aum = AumRules.Of(state);
        state.Tier.Since ??= now;
        ActivityRules.RecordAum(state.Activity, state.Aum, now, settings.LifecycleWindow);
        var change = TierRules.Evaluate(state.Tier, state.Aum, now, settings);
        var stage = LifecycleRules.StageAt(state.Activity, state.Aum, now, settings);
        if (stage != state.Stage || state.StageSince is null)
        {
            state.Stage = stage;
            state.StageSince = now;
        }
        return change;
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
