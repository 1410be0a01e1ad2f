namespace Engagement.Bench;

/// <summary>One line of the benchmark's result: a name and its value with unit and qualification.</summary>
public sealed record Figure(string Name, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} {Value}";
}
