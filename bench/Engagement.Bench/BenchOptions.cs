using System.Globalization;

namespace Engagement.Bench;

/// <summary>The size and shape of one benchmark run.</summary>
public sealed record BenchOptions
{
    /// <summary>The command line's help.</summary>
    public const string Usage = """
        usage: bash bench/run.sh [--smoke] [--no-cluster] [--customers N] [--occurrences-per-customer N] [--partitions N] [--seed S] [--latency-seconds N]
          --no-cluster                   skips the durable run with 2 silos (it takes about as long as the 1-silo durable run)
          --customers N                  simulated customers (default 100000, the goals' size; --smoke: 500)
          --occurrences-per-customer N   everyday occurrences per customer after onboarding (default 6, about 11 records a customer in all)
          --partitions N                 partitions of each input topic (default 32)
          --seed S                       the simulator's seed (default 42)
          --latency-seconds N            how long the latency probe produces (default 30; --smoke: 5)
        """;

    /// <summary>The workload size the performance goals are set for.</summary>
    public const int GoalCustomers = 100_000;

    /// <summary>How many customers the workload has.</summary>
    public int Customers { get; init; } = GoalCustomers;

    /// <summary>Everyday occurrences per customer after their four onboarding records.</summary>
    public int OccurrencesPerCustomer { get; init; } = 6;

    /// <summary>Partitions of each input topic.</summary>
    /// <remarks>The embedded broker keeps about 5 MiB per partition: enough partitions keep the whole workload readable twice.</remarks>
    public int Partitions { get; init; } = 32;

    /// <summary>The simulator's seed: the same seed gives the same workload.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>How long the trigger latency probe produces, in seconds.</summary>
    public int LatencySeconds { get; init; } = 30;

    /// <summary>Whether the durable run is repeated with two silos as one cluster.</summary>
    public bool Cluster { get; init; } = true;

    /// <summary>A run small enough to check that the harness works.</summary>
    public static BenchOptions Smoke { get; } = new() { Customers = 500, LatencySeconds = 5 };

    /// <summary>Reads the command line; null when it asks for help or is not understood.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        string[] flags = ["--smoke", "--no-cluster"];
        var options = (args.Contains("--smoke") ? Smoke : new BenchOptions()) with { Cluster = !args.Contains("--no-cluster") };
        var rest = args.Where(a => !flags.Contains(a)).ToArray();
        for (var i = 0; i < rest.Length; i += 2)
        {
            if (i + 1 >= rest.Length || !int.TryParse(rest[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return null;
            }
            options = rest[i] switch
            {
                "--customers" => options with { Customers = value },
                "--occurrences-per-customer" => options with { OccurrencesPerCustomer = value },
                "--partitions" => options with { Partitions = value },
                "--seed" => options with { Seed = value },
                "--latency-seconds" => options with { LatencySeconds = value },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }
        return options;
    }
}
