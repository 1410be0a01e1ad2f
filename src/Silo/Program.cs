using Engagement.Silo.Kafka;

var builder = WebApplication.CreateBuilder(args);

var configuredKafka = builder.Configuration["Kafka:BootstrapServers"];
await using var embeddedKafka = string.IsNullOrWhiteSpace(configuredKafka) ? EmbeddedKafkaBroker.Start() : null;
var bootstrapServers = embeddedKafka?.BootstrapServers ?? configuredKafka!;

// SPEC.md sections 1 and 2: the default topics in and out.
await KafkaTopics.EnsureAsync(
    bootstrapServers,
    [
        new("cb.customers"), new("cb.accounts"), new("cb.transactions"), new("md.products"),
        new("eng.triggers"), new("eng.deadletter"),
    ]);

var app = builder.Build();
app.Logger.LogInformation(
    "Kafka bootstrap servers: {BootstrapServers} ({Kind})",
    bootstrapServers,
    embeddedKafka is null ? "configured" : "embedded");
await app.RunAsync();
