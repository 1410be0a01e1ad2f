using System.Text.RegularExpressions;
using Engagement.EndToEndTests.Storage;
using Engagement.EndToEndTests.Support;

namespace Engagement.EndToEndTests.Engine;

/// <summary>SPEC §6: stopping the engine started on its embedded defaults, with SIGTERM to its whole process group (as
/// systemd or a terminal sends it), loses nothing acknowledged; Azurite, which the engine started, outlives the signal
/// and is stopped by the engine after its last checkpoint.</summary>
public sealed partial class StopTests
{
    private const string Customer = "C-STOP";
    private const string Advisor = "A-STOP";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_sigterm_to_the_process_group_then_a_restart_serves_every_acknowledged_event_redemption_and_outcome()
    {
        // The embedded broker and an Azurite of this test's own, as `bash scripts/run.sh` starts them (demo feed off).
        var settings = new Dictionary<string, string?>
        {
            ["Development:AzuritePort"] = Development.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Development:AzuriteFolder"] = AzuriteFixture.NewTemporaryFolder(),
        };
        var token = Tokens.Valid("advisor", Advisor);
        var first = await EngineProcess.StartAsGroupAsync(settings);
        await using (first)
        {
            using (var producer = new TestProducer(BootstrapServersOf(first)))
            {
                var at = DateTimeOffset.UtcNow.AddDays(-1);
                await producer.SendAsync("cb.customers", Customer, Json.Registered($"{Customer}-1", Customer, at, Advisor));
                // Ten card purchases of 1,000.00 an hour apart (no activity spike): floor(1,000.00 × 0.1) = 100 points each.
                for (var i = 2; i <= 11; i++)
                {
                    await producer.SendAsync("cb.transactions", Customer,
                        Json.Posted($"{Customer}-{i}", Customer, at.AddHours(i), "CC-1", "debit", "card_purchase", 1_000.00m, null));
                }
            }
            await Eventually.MatchAsync(() => first.Http.GetJsonAsync($"/api/customers/{Customer}", token),
                c => c is { } s && s.GetProperty("eventsApplied").GetInt64() == 11, Deadline, "the eleven events applied");
            await AdvisorCommands.RedeemAndReachAsync(first.Http, token, Customer, Advisor, "customer.onboarding", "R-STOP", 300);

            await first.TerminateGroupAsync(Deadline);
        }

        // The same Azurite port and folder: had the first Azurite outlived its engine, this start would find the port taken.
        await using var revived = await EngineProcess.StartAsGroupAsync(settings);
        var state = (await revived.Http.GetJsonAsync($"/api/customers/{Customer}", token))!.Value;
        Assert.Equal(11, state.GetProperty("eventsApplied").GetInt64());
        Assert.Equal((700L, 1_000L), (state.GetProperty("points").GetProperty("balance").GetInt64(),
            state.GetProperty("points").GetProperty("lifetimeEarned").GetInt64()));
        var trigger = Assert.Single((await revived.Http.GetJsonAsync($"/api/customers/{Customer}/triggers", token))!.Value.EnumerateArray());
        Assert.Equal(("closed", "reached"), (trigger.GetProperty("status").GetString(), trigger.GetProperty("outcome").GetProperty("outcome").GetString()));
        await revived.TerminateGroupAsync(Deadline);
    }

    // The startup banner names the embedded broker it started.
    private static string BootstrapServersOf(EngineProcess engine) =>
        BootstrapLine().Match(engine.Output) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"The engine printed no bootstrap servers:\n{engine.Output}");

    [GeneratedRegex(@"Kafka bootstrap servers:\s+(\S+)")]
    private static partial Regex BootstrapLine();
}
