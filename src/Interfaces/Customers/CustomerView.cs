namespace Engagement.Customers;

/// <summary>A customer's current state as SPEC §5 shows it.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.CustomerView")]
public sealed record CustomerView(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? AdvisorId,
    [property: Id(3)] string? BranchId,
    [property: Id(4)] bool DoNotContact,
    [property: Id(5)] TierView Tier,
    [property: Id(6)] decimal Aum,
    [property: Id(7)] IReadOnlyList<AccountView> Accounts,
    [property: Id(8)] IReadOnlyList<HoldingView> Holdings,
    [property: Id(9)] PointsSummary Points,
    [property: Id(10)] LifecycleView Lifecycle,
    [property: Id(11)] ActivityView Activity,
    [property: Id(12)] int OpenTriggers,
    [property: Id(13)] long EventsApplied,
    [property: Id(14)] DateTimeOffset? LastEventAt);

/// <summary>The tier in force, since when, any downgrade risk with the end of its grace period, and the way to the next tier.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.TierView")]
public sealed record TierView(
    [property: Id(0)] Tier Current,
    [property: Id(1)] DateTimeOffset? Since,
    [property: Id(2)] DateTimeOffset? DowngradeRiskSince,
    [property: Id(3)] Tier? NextTier,
    [property: Id(4)] decimal? GapToNextTier,
    [property: Id(5)] DateTimeOffset? DowngradeDeadline);

/// <summary>One open account and its latest balance.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.AccountView")]
public sealed record AccountView(
    [property: Id(0)] string AccountId,
    [property: Id(1)] Events.AccountType? AccountType,
    [property: Id(2)] decimal Balance,
    [property: Id(3)] DateOnly? MaturityDate);

/// <summary>One investment holding at its latest value.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.HoldingView")]
public sealed record HoldingView(
    [property: Id(0)] string ProductId,
    [property: Id(1)] Events.ProductType ProductType,
    [property: Id(2)] decimal Units,
    [property: Id(3)] decimal Cost,
    [property: Id(4)] decimal? Nav,
    [property: Id(5)] decimal Value,
    [property: Id(6)] decimal ReturnPct);

/// <summary>The points balance and everything ever earned.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.PointsSummary")]
public sealed record PointsSummary(
    [property: Id(0)] long Balance,
    [property: Id(1)] long LifetimeEarned,
    [property: Id(2)] IReadOnlyList<ExpiringPoints> Expiring);

/// <summary>Points that expire together: after <see cref="On"/>, the last day they can be spent.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.ExpiringPoints")]
public sealed record ExpiringPoints(
    [property: Id(0)] long Points,
    [property: Id(1)] DateOnly On);

/// <summary>The life-cycle stage and since when it holds.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.LifecycleView")]
public sealed record LifecycleView(
    [property: Id(0)] LifecycleStage Stage,
    [property: Id(1)] DateTimeOffset? Since);

/// <summary>The customer's recent activity.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.ActivityView")]
public sealed record ActivityView(
    [property: Id(0)] DateTimeOffset? LastCustomerTransactionAt,
    [property: Id(1)] int Debits90d,
    [property: Id(2)] int Credits90d);
