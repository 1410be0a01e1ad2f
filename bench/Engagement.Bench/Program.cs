using Engagement.Bench;

if (BenchOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
// The engine in this process writes its banner and logs to the console: stdout is kept for the figures alone.
var figures = Console.Out;
Console.SetOut(Console.Error);
var context = await BenchRunner.RunAsync(options, Console.Error, stop.Token);
foreach (var figure in context.Figures)
{
    figures.WriteLine(figure);
}
var exact = context.EventsApplied == context.Workload.CustomerEvents && context.DeadLettered == 0;
if (!exact)
{
    Console.Error.WriteLine("The engine did not apply every event exactly once: the figures above are not valid.");
}
return exact ? 0 : 1;
