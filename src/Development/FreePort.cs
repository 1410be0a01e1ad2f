using System.Net;
using System.Net.Sockets;

namespace Engagement.Development;

/// <summary>Free loopback ports for the servers a test or a benchmark starts.</summary>
public static class FreePort
{
    /// <summary>A port that was free a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
