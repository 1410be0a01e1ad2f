namespace Engagement.State;

/// <summary>The silo clock's cursor.</summary>
[GenerateSerializer, Alias("Engagement.ScheduleCursorState")]
public sealed class ScheduleCursorState
{
    /// <summary>The oldest hour bucket not yet emptied.</summary>
    [Id(0)] public DateTimeOffset? Hour { get; set; }
}
