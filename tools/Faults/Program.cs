using System.Globalization;
using Engagement.Development.Kafka;
using Engagement.Faults;

const string Usage = """
    usage: bash scripts/faults.sh [--customers N] [--events-per-customer M] [--silos S] [--seed X]
      --customers N            customers of the cluster phase (default 10000; the single-process phase has a fifth)
      --events-per-customer M  records per customer, repeats included (default 10)
      --silos S                silos the cluster starts with; one more joins mid-stream (default 3)
      --seed X                 the draw of the records (default 11)
    Exits 0 only when every customer equals the fold and every trigger is on eng.triggers once under one id.
    """;

var values = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
    values[args[i][2..]] = args[++i];
}
int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

FaultOptions options;
try
{
    options = new FaultOptions
    {
        Customers = Number("customers", 10_000),
        EventsPerCustomer = Number("events-per-customer", 10),
        Silos = Number("silos", 3),
        Seed = Number("seed", 11),
        DataFolder = Path.GetFullPath(Path.Combine(".data", "faults")),
    };
}
catch (FormatException e)
{
    Console.Error.WriteLine($"{e.Message}\n{Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
var log = Console.Out;
await using var broker = EmbeddedKafkaBroker.Start();
log.WriteLine($"Standalone broker at {broker.BootstrapServers}; data in {options.DataFolder}");
var cluster = await ClusterPhase.RunAsync(options, broker, log, stop.Token);
log.WriteLine($"cluster: {cluster}");
var single = await SingleProcessPhase.RunAsync(options, broker, log, stop.Token);
log.WriteLine($"single process: {single}");
var all = cluster + single;
log.WriteLine(all.ToString());
return all.Holds ? 0 : 1;
