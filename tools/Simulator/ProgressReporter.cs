using System.Diagnostics;
using System.Globalization;

namespace Engagement.Simulator;

/// <summary>Tells whoever watches a long run how far it is and how fast it goes, one line every few seconds.</summary>
public sealed class ProgressReporter(TextWriter output, string label, long? total = null)
{
    /// <summary>The least time between two lines.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _lastAt;
    private long _lastDone;

    /// <summary>Notes that <paramref name="done"/> items are done; prints a line when the interval has passed.</summary>
    public void Report(long done)
    {
        var now = _watch.Elapsed;
        if (now - _lastAt < Interval)
        {
            return;
        }
        var rate = (done - _lastDone) / (now - _lastAt).TotalSeconds;
        var of = total is { } t && t > 0 ? string.Create(CultureInfo.InvariantCulture, $" / {t:N0} ({100.0 * done / t:0}%)") : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {done:N0}{of}, {rate:N0}/s"));
        _lastAt = now;
        _lastDone = done;
    }
}
