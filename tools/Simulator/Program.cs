using System.Globalization;
using Engagement.Simulator;

const string Usage = """
    usage: dotnet run --project tools/Simulator -- [options]
      --customers N            simulated customers (default 1000)
      --occurrences N          everyday occurrences after the onboarding; 0 runs until Ctrl+C (default 0)
      --rate R                 records per second; 0 is as fast as possible (default 100)
      --seed S                 the same seed (and start) gives the same records (default 7)
      --start TIME|now         business time of the onboarding, RFC 3339 (default 2026-01-05T09:00:00+08:00)
      --step SECONDS           business time between occurrences (default 1 / rate, or 1 when as fast as possible)
      --run-id ID              eventId prefix; a new one makes the same traffic new to the engine (default sim<seed>)
      --bootstrap-servers B    produce to this Kafka cluster; without it, print "topic TAB key TAB json" lines
    Progress goes to stderr every few seconds.
    """;

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length || args[i] is "--help")
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
    options[args[i][2..]] = args[++i];
}
string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);

try
{
    var rate = double.Parse(Option("rate", "100"), CultureInfo.InvariantCulture);
    var seed = int.Parse(Option("seed", "7"), CultureInfo.InvariantCulture);
    var start = Option("start", "2026-01-05T09:00:00+08:00") is var s && s == "now"
        ? DateTimeOffset.UtcNow
        : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
    var simulator = new CoreBankingSimulator(new SimulationOptions
    {
        Customers = int.Parse(Option("customers", "1000"), CultureInfo.InvariantCulture),
        Seed = seed,
        RunId = options.GetValueOrDefault("run-id"),
    });
    var plan = new SimulationPlan
    {
        Start = start,
        Occurrences = long.Parse(Option("occurrences", "0"), CultureInfo.InvariantCulture),
        RecordsPerSecond = rate,
        Step = TimeSpan.FromSeconds(double.Parse(Option("step", rate > 0 ? (1 / rate).ToString(CultureInfo.InvariantCulture) : "1"),
            CultureInfo.InvariantCulture)),
    };

    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    var servers = options.GetValueOrDefault("bootstrap-servers");
    using var kafka = servers is null ? null : new KafkaRecordSink(servers);
    IRecordSink sink = kafka is null ? new TextRecordSink(Console.Out) : kafka;
    var sent = await SimulationRunner.RunAsync(simulator, plan, sink, Console.Error, stop.Token);
    Console.Error.WriteLine($"simulator: {sent:N0} records for {simulator.Customers:N0} customers{(servers is null ? "" : $" sent to {servers}")}");
    return 0;
}
catch (FormatException e)
{
    Console.Error.WriteLine($"{e.Message}\n{Usage}");
    return 2;
}
