using System.Diagnostics;
using System.Reflection;
using Engagement.Api;
using Engagement.Customers;
using Engagement.Development;
using Engagement.EndToEndTests.Support;
using Engagement.Ingest;
using Engagement.Silo.Hosting;

namespace Engagement.EndToEndTests.Engine;

/// <summary>The production entry point (<c>Engagement.Silo</c>) runs none of the development tooling: the production
/// assemblies reference none of it, a start against a broker and storage loads none of it, and a start without them
/// stops at once with one line saying what to set.</summary>
[Collection(EngineCollection.Name)]
public sealed class ProductionStartTests(EngineFixture fixture)
{
    private static readonly string[] DevelopmentAssemblies = ["Engagement.Development", "Engagement.Simulator"];

    [Fact]
    public void The_production_assemblies_reference_no_development_code()
    {
        Assembly[] production = [typeof(EngineHost).Assembly, typeof(EngineApi).Assembly, typeof(CustomerGrain).Assembly,
            typeof(EventParser).Assembly, typeof(ICustomerGrain).Assembly];

        Assert.All(production, assembly =>
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), reference => DevelopmentAssemblies.Contains(reference.Name)));
    }

    [Fact]
    public async Task Started_against_a_broker_and_storage_the_production_entry_point_loads_no_development_code()
    {
        await using var engine = await EngineProcess.StartAsync(fixture.EngineSettings($"production-{Guid.NewGuid():N}"), production: true);

        var mapped = engine.MappedFiles;
        Assert.Contains("Engagement.Silo.dll", mapped);
        Assert.All(DevelopmentAssemblies, name => Assert.DoesNotContain($"{name}.dll", mapped));
    }

    [Fact]
    public async Task Without_a_broker_or_storage_the_production_entry_point_stops_with_one_line_naming_both()
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Engagement.Silo.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Kafka__BootstrapServers"] = "";
        start.Environment["Storage__ConnectionString"] = "";
        start.Environment["Urls"] = $"http://127.0.0.1:{FreePort.Next()}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The engine process did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single((await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Set Kafka__BootstrapServers (", line);
        Assert.Contains(" and Storage__ConnectionString (", line);
        Assert.EndsWith("`bash scripts/run.sh` runs the engine on embedded development defaults instead.", line);
        Assert.DoesNotContain("engine is up", await output);
    }
}
