using System.Globalization;
using System.Text.RegularExpressions;

namespace Engagement.EndToEndTests.Support;

/// <summary>One scrape of <c>GET /metrics</c> (Prometheus text), as a monitoring system reads it.</summary>
internal sealed partial class MetricsScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples;

    private MetricsScrape(List<(string, Dictionary<string, string>, double)> samples) => _samples = samples;

    public static async Task<MetricsScrape> TakeAsync(HttpClient http)
    {
        var text = await http.GetStringAsync("/metrics");
        var samples = new List<(string, Dictionary<string, string>, double)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }
            var match = Sample().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample: {line}");
            var labels = Label().Matches(match.Groups["labels"].Value)
                .ToDictionary(l => l.Groups["key"].Value, l => l.Groups["value"].Value);
            samples.Add((match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
        return new MetricsScrape(samples);
    }

    /// <summary>Every series of <paramref name="name"/> by the value of its label <paramref name="label"/>.</summary>
    public Dictionary<string, double> By(string name, string label) =>
        _samples.Where(s => s.Name == name && s.Labels.ContainsKey(label))
            .GroupBy(s => s.Labels[label]).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));

    /// <summary>The series of <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public IEnumerable<double> Values(string name, params (string Key, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Select(s => s.Value);

    /// <summary>Every series of <paramref name="name"/> with its labels.</summary>
    public IEnumerable<(IReadOnlyDictionary<string, string> Labels, double Value)> Samples(string name) =>
        _samples.Where(s => s.Name == name).Select(s => ((IReadOnlyDictionary<string, string>)s.Labels, s.Value));

    /// <summary>Whether any series' name starts with <paramref name="prefix"/>.</summary>
    public bool Has(string prefix) => _samples.Any(s => s.Name.StartsWith(prefix, StringComparison.Ordinal));

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex Sample();

    [GeneratedRegex("""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)"(,|$)""")]
    private static partial Regex Label();
}
