using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Engagement.EndToEndTests.Support;
using Engagement.Silo.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Engagement.EndToEndTests.Engine;

/// <summary>No log line, at any level from Debug up, carries a customer's name, birth date or amounts: not while
/// events apply and fire triggers, not when bad records carrying them are dead-lettered.</summary>
[Collection(EngineCollection.Name)]
public sealed class LogPrivacyTests(EngineFixture fixture)
{
    private static readonly string[] Names = ["Wenjing Privacyname", "Haoran Privacyname", "欧阳晓青"];
    private static readonly string[] BirthDates = ["1961-07-19", "1984-11-02", "1990-03-15"];
    private const decimal Savings = 314_159.26m;
    private const decimal Deposit = 92_653.58m;
    private const decimal Transfer = 173_205.08m;
    private const decimal BalanceAfter = Savings - Transfer;
    private const decimal ForeignAmount = 271_828.18m;
    private const decimal NegativeAmount = -161_803.39m;
    private const string ImpossibleBirthDate = "1961-02-30";

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task No_name_birth_date_or_amount_appears_in_any_log_line_while_events_apply_fire_triggers_and_are_dead_lettered()
    {
        // Topics of its own: no other test's engine reads these records (bad ones included), and the dead-letter
        // topic, in one partition, holds only this test's.
        var (inputTopic, deadLetterTopic) = ($"in-privacy-{_run}", $"dl-privacy-{_run}");
        fixture.CreateTopics(new KafkaTopicSpec(inputTopic, 4), new KafkaTopicSpec(deadLetterTopic, 1));
        var settings = fixture.EngineSettings($"privacy-{_run}");
        settings["Kafka:Topics:0"] = inputTopic;
        settings["Kafka:DeadLetterTopic"] = deadLetterTopic;
        settings["Logging:Capture:LogLevel:Default"] = "Debug";
        var logs = new CapturedLogs();
        var customers = Enumerable.Range(1, Names.Length).Select(i => $"P-{_run}-{i}").ToArray();
        var advisor = $"A-{_run}";
        var at = DateTimeOffset.UtcNow;
        var maturity = DateOnly.FromDateTime(at.UtcDateTime.AddDays(5));

        await using (var engine = await TestEngine.StartAsync(settings, services: s => s.AddSingleton<ILoggerProvider>(logs)))
        {
            using var producer = new TestProducer(fixture.BootstrapServers);
            using var deadLetters = new TopicReader(fixture.BootstrapServers, deadLetterTopic);
            for (var i = 0; i < customers.Length; i++)
            {
                var c = customers[i];
                await producer.SendAsync(inputTopic, c, Registered($"{c}-1", c, at, Names[i], BirthDates[i], advisor));
                await producer.SendAsync(inputTopic, c, Json.Opened($"{c}-2", c, at, "S-1", "savings", Savings));
                await producer.SendAsync(inputTopic, c, Json.Opened($"{c}-3", c, at, "TD-1", "term_deposit", Deposit, maturity));
            }
            var bad = BadRecords(customers[0], customers[1], at);
            foreach (var (key, value, _) in bad)
            {
                await producer.SendAsync(inputTopic, Encoding.UTF8.GetBytes(key), value);
            }
            foreach (var c in customers)
            {
                await engine.CustomerAfterAsync(c, 3);
                await producer.SendAsync(inputTopic, c, Json.ExternalTransfer($"{c}-4", c, at.AddMinutes(1), "S-1", Transfer, BalanceAfter));
            }
            foreach (var c in customers)
            {
                var state = await engine.CustomerAfterAsync(c, 4);
                Assert.Equal(BalanceAfter + Deposit, state.GetProperty("aum").GetDecimal());
            }

            var dead = deadLetters.ReadUntil(r => r.Count >= bad.Length, TimeSpan.FromSeconds(30));
            // The bad records came through two input partitions: their order on the dead-letter topic is not fixed.
            Assert.Equal(bad.Select(b => b.Reason).Order(), dead.Select(r => r.Headers["error"]).Order());
            var inbox = await Eventually.MatchAsync(
                async () => (await engine.GetJsonAsync($"/api/advisors/{advisor}/triggers"))!.Value.EnumerateArray().ToList(),
                triggers => triggers.Count >= 3 * customers.Length, TimeSpan.FromSeconds(60), "every customer's three triggers in the inbox");
            string[] expected = ["customer.onboarding", "deposit.maturing", "movement.external_transfer"];
            Assert.All(customers, c => Assert.Equal(expected, inbox
                .Where(t => t.GetProperty("customerId").GetString() == c).Select(t => t.GetProperty("type").GetString()).Order()));
        }

        var lines = logs.Lines;
        Assert.True(lines.Count(line => line.StartsWith("Debug ", StringComparison.Ordinal)) > 10, "the capture saw no Debug lines");
        Assert.All(customers, c => Assert.True(lines.Count(line => line.Contains(c, StringComparison.Ordinal)) >= 2,
            $"the capture saw fewer than 2 lines naming {c}"));
        // An amount counts only as a number of its own: its digits inside an activation's hex id are not a leak.
        var forbidden = Names.Concat(BirthDates).Append(ImpossibleBirthDate).Select(Regex.Escape)
            .Concat(new[] { Savings, Deposit, Transfer, BalanceAfter, BalanceAfter + Deposit, ForeignAmount, -NegativeAmount }
                .SelectMany(Spellings).Select(a => $"(?<![0-9A-Za-z]){Regex.Escape(a)}(?![0-9A-Za-z])"))
            .Select(pattern => new Regex(pattern, RegexOptions.CultureInvariant))
            .ToList();
        var leaks = lines.SelectMany(line => forbidden.Where(f => f.IsMatch(line)).Select(f => $"{f} in: {line}")).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks in {lines.Count} lines:\n{string.Join('\n', leaks.Take(10))}");
    }

    // As an amount could be printed: 314159.26, 314159 (its whole part, which 314159.26m.ToString("0") rounds the same) and 314,159.26.
    private static IEnumerable<string> Spellings(decimal amount) =>
    [
        amount.ToString("0.00", CultureInfo.InvariantCulture),
        decimal.Truncate(amount).ToString(CultureInfo.InvariantCulture),
        amount.ToString("#,0.00", CultureInfo.InvariantCulture),
    ];

    // Records that carry the names, birth dates and amounts and are dead-lettered, with the reason each gets.
    private static (string Key, byte[] Value, string Reason)[] BadRecords(string c, string other, DateTimeOffset at)
    {
        var registered = Registered($"{c}-b4", c, at, Names[0], BirthDates[0], "A1");
        return
        [
            (c, Encoding.UTF8.GetBytes(Json.Posted($"{c}-b1", c, at, "S-1", "credit", "salary", ForeignAmount, null).Replace("\"CNY\"", "\"USD\"", StringComparison.Ordinal)), "unsupported_currency"),
            (c, Encoding.UTF8.GetBytes(Json.Posted($"{c}-b2", c, at, "S-1", "debit", "withdrawal", NegativeAmount, null)), "non_positive:amount"),
            (c, Encoding.UTF8.GetBytes(Registered($"{c}-b3", c, at, Names[0], ImpossibleBirthDate, "A1")), "invalid_field:birthDate"),
            (c, Encoding.UTF8.GetBytes(registered[..(registered.Length - 5)]), "invalid_json"),
            (other, Encoding.UTF8.GetBytes(Registered($"{c}-b5", c, at, Names[1], BirthDates[1], "A1")), "key_mismatch"),
            (c, Encoding.UTF8.GetBytes(Registered($"{c}-b6", c, at, Names[0] + "\\ud800", BirthDates[0], "A1")), "invalid_encoding"),
        ];
    }

    private static string Registered(string eventId, string customerId, DateTimeOffset at, string name, string birthDate, string advisorId) =>
        $$"""{"eventId":"{{eventId}}","type":"customer.registered","customerId":"{{customerId}}","occurredAt":"{{Json.Stamp(at)}}","name":"{{name}}","birthDate":"{{birthDate}}","advisorId":"{{advisorId}}","branchId":"B1"}""";
}
