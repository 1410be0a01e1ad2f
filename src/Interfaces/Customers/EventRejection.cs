namespace Engagement.Customers;

/// <summary>An event a customer could not apply, with the dead-letter reason code.</summary>
[GenerateSerializer, Immutable, Alias("Engagement.EventRejection")]
public sealed record EventRejection(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Reason);
