namespace Engagement.Simulator;

/// <summary>Where simulated records go.</summary>
public interface IRecordSink
{
    /// <summary>Hands one record over; it may be buffered until <see cref="FlushAsync"/>.</summary>
    void Send(SimulatedRecord record);

    /// <summary>Completes when every record sent so far has been delivered.</summary>
    Task FlushAsync(CancellationToken cancellation);
}
