namespace Engagement.Simulator;

/// <summary>What a simulated core-banking population looks like.</summary>
public sealed record SimulationOptions
{
    /// <summary>How many customers: C0001 onwards.</summary>
    public required int Customers { get; init; }

    /// <summary>The seed: the same seed, fed the same times, gives the same records.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>The prefix of every eventId; a run with a new prefix is new traffic to the engine, the same prefix replays.</summary>
    public string? RunId { get; init; }

    /// <summary>The deployment's base currency.</summary>
    public string Currency { get; init; } = "CNY";

    /// <summary>How often every product's net asset value moves; markets publish once a business day.</summary>
    public TimeSpan NavUpdateInterval { get; init; } = TimeSpan.FromDays(1);
}
