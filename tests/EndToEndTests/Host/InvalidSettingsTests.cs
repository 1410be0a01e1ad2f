using Engagement.Configuration;
using Engagement.Silo.Hosting;
using Engagement.Silo.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.EndToEndTests.Host;

public sealed class InvalidSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void A_section_read_before_the_host_is_checked_by_the_hosts_validator()
    {
        var invalid = Assert.Throws<OptionsValidationException>(() =>
            ValidatedOptions.Read(Settings(("Kafka:Partitions", "0")), KafkaOptions.Section, new KafkaOptionsValidator()));
        Assert.Equal(["Kafka:Partitions must be at least 1 (got 0)"], invalid.Failures);
        Assert.Equal(3, ValidatedOptions.Read(Settings(("Kafka:Partitions", "3")), KafkaOptions.Section, new KafkaOptionsValidator()).Partitions);
    }

    [Fact]
    public void Every_bad_setting_is_told_at_once_and_nothing_else_passes_for_one()
    {
        var invalid = Assert.Throws<OptionsValidationException>(() =>
            EngineSettings.CheckEarly(Settings(("Kafka:Partitions", "0"), ("Engine:Language", "fr"), ("Auth:SigningKey", "short"))));
        Assert.Equal(
            ["Kafka:Partitions must be at least 1 (got 0)", "Engine:Language must be 'en' or 'zh-CN' (got 'fr')", "Auth:SigningKey must be at least 32 bytes (got 5)"],
            InvalidSettings.ProblemsOf(invalid));
        EngineSettings.CheckEarly(Settings());

        var unreadable = Assert.ThrowsAny<InvalidOperationException>(() => EngineSettings.CheckEarly(Settings(("Kafka:Partitions", "many"))));
        Assert.Equal(["Failed to convert configuration value 'many' at 'Kafka:Partitions' to type 'System.Int32'."], InvalidSettings.ProblemsOf(unreadable));
        Assert.Null(InvalidSettings.ProblemsOf(new InvalidOperationException("The silo could not start.")));
        Assert.Null(InvalidSettings.ProblemsOf(new AggregateException(invalid, new IOException("disk"))));
        Assert.Equal(invalid.Failures.Concat(invalid.Failures), InvalidSettings.ProblemsOf(new AggregateException(invalid, invalid)));
    }

    [Fact]
    public void The_azure_table_membership_needs_table_storage()
    {
        var invalid = Assert.Throws<OptionsValidationException>(() =>
            EngineSettings.CheckEarly(Settings(("Orleans:Clustering", "AzureTable"), ("Storage:Provider", "Memory"))));
        Assert.Equal(["Orleans:Clustering=AzureTable needs table storage (Storage:Provider=AzureTable, got Memory)"], InvalidSettings.ProblemsOf(invalid));
        EngineSettings.CheckEarly(Settings(("Orleans:Clustering", "AzureTable")));
        EngineSettings.CheckEarly(Settings(("Orleans:Clustering", "Redis"), ("Orleans:RedisConnectionString", "127.0.0.1:6379"), ("Storage:Provider", "Memory")));
    }
}
