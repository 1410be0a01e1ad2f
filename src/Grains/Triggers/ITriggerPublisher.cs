using Engagement.Triggers;

namespace Engagement.Triggers;

/// <summary>Publishes triggers to the outside world (<c>eng.triggers</c>); the silo provides the Kafka implementation.</summary>
public interface ITriggerPublisher
{
    /// <summary>Publishes the triggers, each with the context of the span that fired it, and waits until the broker
    /// has them.</summary>
    Task PublishAsync(IReadOnlyList<TracedTrigger> triggers);
}
