namespace Engagement.Development.Demo;

/// <summary>The demo feed of simulated core-banking events, bound from the <c>Demo</c> configuration section.</summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Demo";

    /// <summary>Whether the feed runs; <c>Demo__Enabled=false</c> turns it off.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How many simulated customers.</summary>
    public int Customers { get; set; } = 50;
    /// <summary>The pace of the feed after the customers are registered, in everyday occurrences (one or a few records each) per second.</summary>
    public double EventsPerSecond { get; set; } = 5;
    /// <summary>The seed: the same seed gives the same events.</summary>
    public int Seed { get; set; } = 7;
}
