namespace Engagement.Simulator;

/// <summary>Writes records as lines of <c>topic TAB key TAB json</c>, to look at or to pipe into another tool.</summary>
public sealed class TextRecordSink(TextWriter output) : IRecordSink
{
    /// <inheritdoc />
    public void Send(SimulatedRecord record) => output.WriteLine($"{record.Topic}\t{record.Key}\t{record.Value}");

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellation) => output.FlushAsync(cancellation);
}
