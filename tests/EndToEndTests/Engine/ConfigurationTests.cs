using Engagement.EndToEndTests.Support;
using Engagement.Silo.Hosting;

namespace Engagement.EndToEndTests.Engine;

/// <summary>A bad setting stops the engine's start at once, with one line naming it.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task An_engine_with_no_partitions_exits_at_once_naming_the_setting()
    {
        await using var engine = EngineProcess.Launch(new Dictionary<string, string?> { ["Kafka:Partitions"] = "0" });

        // Well under what a start takes with its embedded broker and Azurite: the check comes before either starts.
        var exitCode = await engine.ExitCodeAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(InvalidSettings.ExitCode, exitCode);
        Assert.Equal("Invalid configuration: Kafka:Partitions must be at least 1 (got 0)", engine.Output);
    }
}
