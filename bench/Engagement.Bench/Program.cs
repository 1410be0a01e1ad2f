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
foreach (var applied in context.Applied)
{
    figures.WriteLine($"events applied ({applied.Run}) {applied.EventsApplied:N0} of {context.Workload.CustomerEvents:N0} customer events; {applied.DeadLettered:N0} dead-lettered");
}
if (!context.Exact)
{
    Console.Error.WriteLine("The engine did not apply every event exactly once: the figures above are not valid.");
}
return context.Exact ? 0 : 1;
