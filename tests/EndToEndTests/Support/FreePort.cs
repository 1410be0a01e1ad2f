using System.Net;
using System.Net.Sockets;

namespace Engagement.EndToEndTests.Support;

/// <summary>Free loopback ports for the servers a test starts.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
