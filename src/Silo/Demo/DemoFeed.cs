using System.Text;
using Confluent.Kafka;
using Engagement.Silo.Kafka;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Demo;

/// <summary>Produces simulated core-banking events into the engine's own input topics, over the Kafka protocol.</summary>
public sealed class DemoFeed(
    KafkaProducer producer,
    IOptions<DemoOptions> options,
    TimeProvider clock,
    ILogger<DemoFeed> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var traffic = new DemoTraffic(settings.Customers, settings.Seed, clock.GetUtcNow().ToUnixTimeSeconds().ToString("x"));
        foreach (var record in traffic.Onboarding(clock.GetUtcNow()))
        {
            await ProduceAsync(record, stoppingToken);
        }
        logger.LogInformation("Demo feed registered {Customers} customers; now {Rate} events/s (Demo__Enabled=false turns it off)",
            settings.Customers, settings.EventsPerSecond);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / Math.Max(0.1, settings.EventsPerSecond)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await ProduceAsync(traffic.Next(clock.GetUtcNow()), stoppingToken);
        }
    }

    private Task ProduceAsync(DemoTraffic.Record record, CancellationToken cancellation) =>
        producer.ProduceAsync(record.Topic, new Message<byte[]?, byte[]?>
        {
            Key = Encoding.UTF8.GetBytes(record.Key),
            Value = Encoding.UTF8.GetBytes(record.Value),
        }, cancellation);
}
