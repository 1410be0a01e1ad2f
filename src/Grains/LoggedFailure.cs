namespace Engagement;

/// <summary>How a log line names a failure: the innermost exception's type, with its message only when it comes from
/// the network, the file system, Azure or Kafka, whose messages describe the connection; any other message may quote
/// the data being applied (a BCL argument check prints the value: an amount, a name), and logs carry no personal data.</summary>
public static class LoggedFailure
{
    private static readonly string[] TransportNamespaces = ["System.Net", "System.IO", "Azure", "Confluent.Kafka"];

    /// <summary>For example <c>SocketException: Connection refused</c>, or <c>ArgumentOutOfRangeException</c>.</summary>
    public static string Describe(Exception exception)
    {
        var inner = exception.GetBaseException();
        var type = inner.GetType();
        return TransportNamespaces.Any(n => type.Namespace is { } ns && (ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal)))
            ? $"{type.Name}: {inner.Message}"
            : type.Name;
    }
}
