using System.Globalization;
using System.Text.Json;
using Engagement.Api;
using Engagement.Backtest;
using Engagement.Backtests;
using Engagement.Ingest;
using Engagement.Rules;
using Engagement.Silo.Backtests;
using Engagement.Silo.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

const string Usage = """
    usage: dotnet run --project tools/Backtest -- --bootstrap-servers B --candidate FILE [options]
      --bootstrap-servers B    the Kafka cluster whose input topics are read (nothing is written to it)
      --candidate FILE         the candidate rule set, in the shape of PUT /api/rules
      --in-force FILE          the rule set in force, as GET /api/rules answers it (default: SPEC's defaults, version 1)
      --from TIME              RFC 3339; triggers from it count (default: 30 days before --to)
      --to TIME                RFC 3339; events up to it are folded (default: now)
      --topics A,B,...         the input topics (default cb.customers,cb.accounts,cb.transactions,md.products)
      --base-currency C        the deployment's base currency (default CNY)
    The report (the JSON of GET /api/rules/backtests/{id}) goes to stdout; progress goes to stderr every 2 seconds.
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
if (!options.TryGetValue("bootstrap-servers", out var servers) || !options.TryGetValue("candidate", out var candidateFile))
{
    Console.Error.WriteLine("--bootstrap-servers and --candidate are required.");
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    var to = options.TryGetValue("to", out var t) ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture) : DateTimeOffset.UtcNow;
    var from = options.TryGetValue("from", out var f) ? DateTimeOffset.Parse(f, CultureInfo.InvariantCulture) : to - TimeSpan.FromDays(30);
    var inForce = RuleSetFiles.InForce(options.GetValueOrDefault("in-force"));
    var candidate = RuleSetFiles.Candidate(candidateFile, inForce);
    var kafka = new KafkaOptions { BootstrapServers = servers };
    if (options.TryGetValue("topics", out var topics))
    {
        kafka.Topics = topics.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
    var input = new KafkaRetainedInput(Options.Create(kafka), new EventParser(options.GetValueOrDefault("base-currency", "CNY")),
        NullLogger<KafkaRetainedInput>.Instance);
    var run = new BacktestRun($"cli-{Guid.NewGuid():N}", inForce, candidate, from, to, DateTimeOffset.UtcNow);
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    var running = run.RunAsync(input, static (_, _) => null, stop.Token);
    while (await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(2))) != running)
    {
        var p = run.Report.Progress;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {p.RecordsRead:N0} of {p.RecordsTotal:N0} records, folded {p.EventsFolded:N0}, {p.Customers:N0} customers"));
    }
    Console.WriteLine(JsonSerializer.Serialize(run.Report, new JsonSerializerOptions(EngineJson.Options) { WriteIndented = true }));
    if (run.Report.Error is { } error)
    {
        Console.Error.WriteLine($"The back-test failed: {error}");
        return 1;
    }
    return 0;
}
catch (Exception e) when (e is FormatException or IOException or InvalidDataException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
