using System.Text.Json;
using Engagement.Simulator;

namespace Engagement.Bench;

/// <summary>Passes records on to another sink and notes, from the customer records, which advisor each customer has
/// last been given: the latency probe listens on those advisors' live streams.</summary>
public sealed class AdvisorBookSink(IRecordSink inner) : IRecordSink
{
    private readonly Dictionary<string, string> _advisors = new(StringComparer.Ordinal);

    /// <summary>The advisor of every customer that has one, by customerId.</summary>
    public IReadOnlyDictionary<string, string> Advisors => _advisors;

    /// <inheritdoc />
    public void Send(SimulatedRecord record)
    {
        if (record.Topic == CoreBankingTopics.Customers)
        {
            using var json = JsonDocument.Parse(record.Value);
            var root = json.RootElement;
            var type = root.GetProperty("type").GetString();
            if (type is "customer.registered" or "customer.advisor_assigned" && root.TryGetProperty("advisorId", out var advisor))
            {
                _advisors[record.Key] = advisor.GetString()!;
            }
        }
        inner.Send(record);
    }

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellation) => inner.FlushAsync(cancellation);
}
