using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Engagement.Development;

namespace Engagement.EndToEndTests.Support;

/// <summary>A <c>redis-server</c> of a test's own: on a free loopback port, nothing persisted (<c>--save ""
/// --appendonly no</c>), its working folder a temporary one of its own; killed and its folder deleted on dispose.</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private const string Binary = "redis-server";
    private const string ReadyLine = "Ready to accept connections";
    private const int FreePortAttempts = 3;
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private RedisServer(Process process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    /// <summary>The port it listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string for it, as <c>Orleans:RedisConnectionString</c> takes.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts the server and returns once it accepts connections; a port taken between finding it free and the
    /// server binding it is tried again on another.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("engagement-redis-");
        for (var attempt = 1; ; attempt++)
        {
            var (server, failure) = await TryStartAsync(folder, FreePort.Next());
            if (server is not null)
            {
                return server;
            }
            if (attempt == FreePortAttempts || !failure.Contains("Address already in use", StringComparison.Ordinal))
            {
                folder.Delete(recursive: true);
                throw new InvalidOperationException(failure);
            }
        }
    }

    private static async Task<(RedisServer? Server, string Failure)> TryStartAsync(DirectoryInfo folder, int port)
    {
        var info = new ProcessStartInfo(Binary,
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", folder.FullName, "--daemonize", "no"])
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var output = new List<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info };
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (output)
            {
                output.Add(line);
            }
            if (line.Contains(ReadyLine, StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            folder.Delete(recursive: true);
            throw new InvalidOperationException($"{Binary} is not installed: apt-get install redis-server ({e.Message}).", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, folder, port);
        await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(StartupDeadline));
        if (ready.Task.IsCompleted)
        {
            return (server, "");
        }
        Stop(process);
        string said;
        lock (output)
        {
            said = string.Join(Environment.NewLine, output.TakeLast(20));
        }
        return (null, $"{Binary} did not accept connections on port {port} within {StartupDeadline.TotalSeconds:0} s:{Environment.NewLine}{said}");
    }

    private static void Stop(Process process)
    {
        using (process)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
            process.WaitForExit();
        }
    }

    /// <summary>Kills the server (its data goes with it) and deletes its folder.</summary>
    public ValueTask DisposeAsync()
    {
        Stop(_process);
        _folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
