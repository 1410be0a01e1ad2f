using System.Text;
using Confluent.Kafka;
using Engagement.Silo.Hosting;
using Engagement.Silo.Kafka;
using Engagement.Simulator;
using Microsoft.Extensions.Options;

namespace Engagement.Development.Demo;

/// <summary>Produces simulated core-banking events into the engine's own input topics, over the Kafka protocol.</summary>
public sealed class DemoFeed(
    KafkaProducer producer,
    IOptions<DemoOptions> options,
    IOptions<EngineOptions> engine,
    TimeProvider clock,
    ILogger<DemoFeed> logger) : BackgroundService
{
    // NAVs move every minute rather than every business day, so that holdings visibly move while someone watches.
    private static readonly TimeSpan NavUpdateInterval = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var start = clock.GetUtcNow();
        var simulator = new CoreBankingSimulator(new SimulationOptions
        {
            Customers = settings.Customers,
            Seed = settings.Seed,
            // A new prefix on each start: against a kept cluster, the same eventIds again would be taken as replays.
            RunId = $"demo-{start.ToUnixTimeSeconds():x}",
            Currency = engine.Value.BaseCurrency,
            NavUpdateInterval = NavUpdateInterval,
        });
        foreach (var record in simulator.Onboarding(start))
        {
            await ProduceAsync(record, stoppingToken);
        }
        logger.LogInformation("Demo feed registered {Customers} customers; now {Rate} events/s (Demo__Enabled=false turns it off)",
            settings.Customers, settings.EventsPerSecond);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / Math.Max(0.1, settings.EventsPerSecond)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var record in simulator.Next(clock.GetUtcNow()))
            {
                await ProduceAsync(record, stoppingToken);
            }
        }
    }

    private Task ProduceAsync(SimulatedRecord record, CancellationToken cancellation) =>
        producer.ProduceAsync(record.Topic, new Message<byte[]?, byte[]?>
        {
            Key = Encoding.UTF8.GetBytes(record.Key),
            Value = Encoding.UTF8.GetBytes(record.Value),
        }, cancellation);
}
