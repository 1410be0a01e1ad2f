using Engagement.Testing;
using Engagement.Api.Auth;
using Engagement.Checkpoints;
using Engagement.Development;
using Engagement.Development.Demo;
using Engagement.Silo.Hosting;
using Engagement.Silo.Schedule;
using Engagement.Silo.Storage;

namespace Engagement.EndToEndTests.Host;

public sealed class SectionValidatorTests
{
    [Fact]
    public void Every_sections_defaults_are_valid()
    {
        Assert.Empty(Checked.Problems(new EngineOptionsValidator(), _ => { }));
        Assert.Empty(Checked.Problems(new OrleansOptionsValidator(), _ => { }));
        Assert.Empty(Checked.Problems(new StorageOptionsValidator(), _ => { }));
        Assert.Empty(Checked.Problems(new CheckpointOptionsValidator(), _ => { }));
        Assert.Empty(Checked.Problems(new ScheduleOptionsValidator(), _ => { }));
        Assert.Empty(Checked.Problems(new AuthOptionsValidator(), _ => { }));
        Assert.Empty(Checked.Problems(new TelemetryOptionsValidator(), _ => { }));
        Assert.Empty(Checked.Problems(new DemoOptionsValidator(), _ => { }));
        Assert.Empty(Checked.Problems(new DevelopmentOptionsValidator(), _ => { }));
    }

    [Theory]
    [InlineData("http://collector:4317", true)]
    [InlineData("https://collector.bank.internal:4318", true)]
    [InlineData("collector:4317", false)]
    [InlineData("ftp://collector", false)]
    public void An_otlp_endpoint_is_an_absolute_http_address(string endpoint, bool valid) =>
        Assert.Equal(valid ? [] : [$"Telemetry:OtlpEndpoint must be an absolute http or https address (got '{endpoint}')"],
            Checked.Problems(new TelemetryOptionsValidator(), o => o.OtlpEndpoint = endpoint));

    [Fact]
    public void The_demo_feed_needs_a_customer_and_a_pace_and_the_development_azurite_a_port()
    {
        Assert.Equal(["Demo:Customers must be at least 1 (got 0)", "Demo:EventsPerSecond must be more than 0 (got 0)"],
            Checked.Problems(new DemoOptionsValidator(), o => (o.Customers, o.EventsPerSecond) = (0, 0)));
        Assert.Equal(["Development:AzuritePort must be a port from 1 to 65535 (got 70000)"],
            Checked.Problems(new DevelopmentOptionsValidator(), o => o.AzuritePort = 70_000));
    }

    [Theory]
    [InlineData("CNY", "en", "UTC", 0)]
    [InlineData("EUR", "zh-CN", "Asia/Shanghai", 0)]
    [InlineData("cny", "en", "UTC", 1)]
    [InlineData("CNYX", "fr", "UTC", 2)]
    [InlineData("CNY", "en", "Mars/Base", 1)]
    public void The_engine_takes_a_currency_code_a_known_language_and_a_known_time_zone(string currency, string language, string zone, int problems) =>
        Assert.Equal(problems, Checked.Problems(new EngineOptionsValidator(), o => (o.BaseCurrency, o.Language, o.TimeZone) = (currency, language, zone)).Count);

    [Fact]
    public void The_engines_messages_name_the_setting_and_the_value() =>
        Assert.Equal(["Engine:Language must be 'en' or 'zh-CN' (got 'fr')"], Checked.Problems(new EngineOptionsValidator(), o => o.Language = "fr"));

    [Fact]
    public void Orleans_ports_are_tcp_ports_and_differ()
    {
        var validator = new OrleansOptionsValidator();
        Assert.Equal(["Orleans:SiloPort must be from 1 to 65535 (got 0)"], Checked.Problems(validator, o => o.SiloPort = 0));
        Assert.Equal(["Orleans:GatewayPort must be from 1 to 65535 (got 65536)"], Checked.Problems(validator, o => o.GatewayPort = 65_536));
        Assert.Empty(Checked.Problems(validator, o => (o.SiloPort, o.GatewayPort) = (1, 65_535)));
        Assert.Equal(["Orleans:GatewayPort must differ from Orleans:SiloPort (both 5000)"], Checked.Problems(validator, o => (o.SiloPort, o.GatewayPort) = (5000, 5000)));
    }

    [Fact]
    public void Redis_clustering_needs_its_server_and_an_advertised_address_is_an_ip_address()
    {
        var validator = new OrleansOptionsValidator();
        Assert.Equal(["Orleans:RedisConnectionString must be set with Orleans:Clustering=Redis (the Redis server holding the membership table)"],
            Checked.Problems(validator, o => o.Clustering = ClusteringKind.Redis));
        Assert.Empty(Checked.Problems(validator, o => (o.Clustering, o.RedisConnectionString) = (ClusteringKind.Redis, "127.0.0.1:6379")));
        Assert.Equal(["Orleans:AdvertisedAddress must be an IP address (got 'silo-1')"], Checked.Problems(validator, o => o.AdvertisedAddress = "silo-1"));
        Assert.Empty(Checked.Problems(validator, o => o.AdvertisedAddress = "10.0.0.7"));
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("ab", false)]
    [InlineData("a2345678901234567890123456789012345678901234567890123", false)]
    [InlineData("a234567890123456789012345678901234567890123456789012", true)]
    [InlineData("1abc", false)]
    [InlineData("engine_state", false)]
    public void Table_names_follow_azures_rules_with_room_for_the_engines_suffixes(string table, bool valid) =>
        Assert.Equal(valid, Checked.Problems(new StorageOptionsValidator(), o => o.TableName = table).Count == 0);

    [Fact]
    public void A_connection_string_for_azure_table_storage_reads_as_one_when_given()
    {
        var validator = new StorageOptionsValidator();
        Assert.Equal(["Storage:ConnectionString must be an Azure Storage connection string when Storage:Provider is AzureTable"],
            Checked.Problems(validator, o => o.ConnectionString = "nonsense"));
        // An empty one is a missing setting: the development defaults start Azurite, a production start names it.
        Assert.Empty(Checked.Problems(validator, o => o.ConnectionString = ""));
        Assert.Empty(Checked.Problems(validator, o => o.ConnectionString = "UseDevelopmentStorage=true"));
        Assert.Empty(Checked.Problems(validator, o => (o.Provider, o.ConnectionString, o.TableName) = (StorageKind.Memory, "", "")));
        Assert.Equal(["Storage:CheckpointPartitions must be from 1 to 256 (got 0)"], Checked.Problems(validator, o => o.CheckpointPartitions = 0));
        Assert.Equal(["Storage:CheckpointPartitions must be from 1 to 256 (got 257)"], Checked.Problems(validator, o => o.CheckpointPartitions = 257));
        Assert.Equal(["Storage:Provider must be AzureTable or Memory (got 7)"], Checked.Problems(validator, o => o.Provider = (StorageKind)7));
    }

    [Fact]
    public void Intervals_are_more_than_zero()
    {
        Assert.Equal(["Checkpoints:Interval must be more than zero (got 00:00:00)"],
            Checked.Problems(new CheckpointOptionsValidator(), o => o.Interval = TimeSpan.Zero));
        Assert.Empty(Checked.Problems(new CheckpointOptionsValidator(), o => (o.Interval, o.LongestRetryDelay) = (TimeSpan.FromTicks(1), TimeSpan.FromTicks(1))));
        Assert.Equal(["Checkpoints:LongestRetryDelay must be more than zero (got -00:00:01)"],
            Checked.Problems(new CheckpointOptionsValidator(), o => o.LongestRetryDelay = TimeSpan.FromSeconds(-1)));
        Assert.Empty(Checked.Problems(new CheckpointOptionsValidator(), o => (o.Interval, o.LongestRetryDelay) = (TimeSpan.FromHours(1), TimeSpan.FromSeconds(5))));
        Assert.Equal(["Schedule:Tick must be more than zero (got 00:00:00)"], Checked.Problems(new ScheduleOptionsValidator(), o => o.Tick = TimeSpan.Zero));
        Assert.Equal(["Schedule:FirstRunLookBack must not be negative (got -00:00:01)"],
            Checked.Problems(new ScheduleOptionsValidator(), o => o.FirstRunLookBack = TimeSpan.FromSeconds(-1)));
        Assert.Empty(Checked.Problems(new ScheduleOptionsValidator(), o => (o.Tick, o.FirstRunLookBack) = (TimeSpan.FromTicks(1), TimeSpan.Zero)));
    }

    [Fact]
    public void A_development_key_is_long_enough_for_hs256_and_an_authority_is_https()
    {
        var validator = new AuthOptionsValidator();
        Assert.Equal(["Auth:SigningKey must be at least 32 bytes (got 31)"], Checked.Problems(validator, o => o.SigningKey = new string('k', 31)));
        Assert.Empty(Checked.Problems(validator, o => o.SigningKey = new string('k', 32)));
        Assert.Equal(["Auth:Authority must be an absolute https URL (got 'http://idp.example')"],
            Checked.Problems(validator, o => o.Authority = "http://idp.example"));
        Assert.Empty(Checked.Problems(validator, o => (o.Authority, o.SigningKey) = ("https://idp.example/realms/bank", "")));
    }
}
