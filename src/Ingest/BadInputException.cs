namespace Engagement.Ingest;

/// <summary>Thrown while reading a record that breaks SPEC §1; carries the dead-letter reason code.</summary>
public sealed class BadInputException(string reason) : Exception($"Bad input: {reason}")
{
    /// <summary>The reason code, such as <c>missing_field:accountId</c>.</summary>
    public string Reason => reason;
}
