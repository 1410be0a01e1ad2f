using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Engagement.Development.Storage;

/// <summary>An Azurite table server run as a child process, from the repository's pinned npm package, for local runs
/// and tests; disposing it stops the server after it has saved its data.</summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's usual table port, the one <c>UseDevelopmentStorage=true</c> names.</summary>
    public const int DevelopmentTablePort = 10002;

    private const string AccountName = "devstoreaccount1";

    // Azurite's published development key: it guards nothing and is the same on every machine.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string ReadyLine = "successfully started";
    private const int FreePortAttempts = 3;
    private const int SigInt = 2;
    private const string SetSid = "/usr/bin/setsid";

    private static readonly string[] ServerScript = ["node_modules", "azurite", "dist", "src", "table", "main.js"];
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(30);

    // Azurite saves its data every 5 s and on SIGINT; it takes about 2 s to close.
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(10);

    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private readonly Process _process;
    private int _disposed;

    private AzuriteProcess(Process process, int tablePort, string dataFolder)
    {
        _process = process;
        TablePort = tablePort;
        DataFolder = dataFolder;
    }

    /// <summary>The port the table service listens on, on 127.0.0.1.</summary>
    public int TablePort { get; }

    /// <summary>The folder holding Azurite's data; a server started later on the same folder sees the same tables.</summary>
    public string DataFolder { get; }

    /// <summary>A connection string for this server's table endpoint.</summary>
    public string ConnectionString => ConnectionStringFor(TablePort);

    /// <summary>The connection string of an Azurite table endpoint on 127.0.0.1 at <paramref name="tablePort"/>.</summary>
    public static string ConnectionStringFor(int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    /// <summary>The nearest folder, above the current directory or else above the application's, whose package.json
    /// names azurite: the repository root.</summary>
    public static string FindRepositoryRoot()
    {
        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (var start in starts)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var manifest = Path.Combine(folder.FullName, "package.json");
                if (File.Exists(manifest) && File.ReadAllText(manifest).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return folder.FullName;
                }
            }
        }
        throw new InvalidOperationException(
            $"No package.json naming azurite was found above {starts[0]} or {starts[1]}: run from within the repository.");
    }

    /// <summary>Runs <c>npm ci</c> in <paramref name="repositoryRoot"/> unless Azurite is already installed there.</summary>
    public static async Task EnsureInstalledAsync(string repositoryRoot, CancellationToken cancellationToken = default)
    {
        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(ScriptPath(repositoryRoot)))
            {
                return;
            }
            var info = NewStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", repositoryRoot, "ci", "--no-audit", "--no-fund");
            var output = new OutputTail();
            using var npm = Start(info, "npm", output);
            try
            {
                await npm.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                npm.Kill(entireProcessTree: true);
                throw;
            }
            if (npm.ExitCode != 0 || !File.Exists(ScriptPath(repositoryRoot)))
            {
                throw new InvalidOperationException(
                    $"`npm ci` in {repositoryRoot} did not install Azurite (exit code {npm.ExitCode}):{Environment.NewLine}{output}");
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>Installs Azurite if needed and starts it the way the engine runs locally: on port
    /// <paramref name="tablePort"/> (10002 by default), with its data in <paramref name="dataFolder"/> (by default
    /// <c>.data/azurite</c> under the repository root), so state outlives the engine.</summary>
    public static async Task<AzuriteProcess> StartForDevelopmentAsync(int? tablePort = null, string? dataFolder = null,
        CancellationToken cancellationToken = default)
    {
        var root = FindRepositoryRoot();
        await EnsureInstalledAsync(root, cancellationToken);
        return await StartAsync(root, tablePort ?? DevelopmentTablePort, dataFolder ?? Path.Combine(root, ".data", "azurite"), cancellationToken);
    }

    /// <summary>Starts Azurite from <paramref name="repositoryRoot"/> on <paramref name="tablePort"/> with its data in
    /// <paramref name="dataFolder"/>, and returns once the port accepts connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(
        string repositoryRoot, int tablePort, string dataFolder, CancellationToken cancellationToken = default)
    {
        if (await AcceptsConnectionsAsync(tablePort, cancellationToken))
        {
            throw new InvalidOperationException(
                $"Port {tablePort} is already in use, perhaps by an Azurite left running: stop that process, " +
                "or point the storage connection string at it instead of starting another.");
        }
        var (azurite, failure) = await TryStartAsync(repositoryRoot, tablePort, dataFolder, cancellationToken);
        return azurite ?? throw new InvalidOperationException(failure);
    }

    /// <summary>Starts Azurite on a free port, as tests do, with its data in <paramref name="dataFolder"/>, or only in
    /// its memory when <paramref name="inMemory"/> (for a benchmark: Azurite's file persistence rewrites its whole
    /// database every 5 s, a cost that grows with the table and that no real table service has).</summary>
    public static async Task<AzuriteProcess> StartOnFreePortAsync(
        string repositoryRoot, string dataFolder, CancellationToken cancellationToken = default, bool inMemory = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (azurite, failure) = await TryStartAsync(repositoryRoot, FreePort.Next(), dataFolder, cancellationToken, inMemory);
            if (azurite is not null)
            {
                return azurite;
            }
            // Azurite cannot listen on port 0, so the operating system picked a free port for a moment and we handed it
            // over. A port found free can be taken before Azurite binds it; then, and only then, another port may do.
            if (attempt == FreePortAttempts || !failure.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(failure);
            }
        }
    }

    /// <summary>Stops the server: SIGINT first, which makes Azurite save its data, then a kill of the process tree if
    /// it has not exited by the deadline. Windows has no SIGINT for a child, so there it is killed at once and loses
    /// at most the writes of its last 5 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        using (_process)
        {
            if (!_process.HasExited && !OperatingSystem.IsWindows())
            {
                _ = SendSignal(_process.Id, SigInt);
                using var deadline = new CancellationTokenSource(StopDeadline);
                try
                {
                    await _process.WaitForExitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    // It ignored SIGINT or hangs in its shutdown: the kill below ends it.
                }
            }
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
    }

    private static async Task<(AzuriteProcess? Azurite, string Failure)> TryStartAsync(
        string repositoryRoot, int tablePort, string dataFolder, CancellationToken cancellationToken, bool inMemory = false)
    {
        var script = ScriptPath(repositoryRoot);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed: run `npm ci` in {repositoryRoot} (it installs the version pinned in package-lock.json).");
        }
        dataFolder = Path.GetFullPath(dataFolder);
        Directory.CreateDirectory(dataFolder);

        // node runs the server script itself rather than the node_modules/.bin shim, so the process we signal on
        // dispose is the one that saves the data (on Windows the shim is a cmd.exe wrapper).
        // --disableTelemetry: Azurite would otherwise report usage over the network.
        string[] arguments = [script,
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry"];
        var info = InSessionOfItsOwn(NewStartInfo("node", dataFolder,
            inMemory ? [.. arguments, "--inMemoryPersistence"] : [.. arguments, "--location", dataFolder]));
        var output = new OutputTail();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        output.LineAdded += line =>
        {
            if (line.Contains(ReadyLine, StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        var process = Start(info, "node (Node.js)", output);
        var azurite = new AzuriteProcess(process, tablePort, dataFolder);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(StartupDeadline);
            var exited = process.WaitForExitAsync(deadline.Token);
            // Azurite reports when it listens; waiting for that line rather than polling the port also tells our
            // server from another program that holds the same port.
            await Task.WhenAny(ready.Task, exited);
            if (process.HasExited)
            {
                var failure = $"Azurite exited with code {process.ExitCode} before listening on port {tablePort}:" +
                              $"{Environment.NewLine}{output}";
                await azurite.DisposeAsync();
                return (null, failure);
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (!ready.Task.IsCompleted || !await AcceptsConnectionsAsync(tablePort, cancellationToken))
            {
                throw new TimeoutException(
                    $"Azurite did not accept connections on port {tablePort} within {StartupDeadline.TotalSeconds:0} s:" +
                    $"{Environment.NewLine}{output}");
            }
            return (azurite, "");
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    // A terminal's Ctrl+C and a service manager's SIGTERM go to the whole process group. Started in a session of its
    // own, Azurite does not get them: it keeps serving until the engine has stopped and made its last checkpoint, and
    // then the engine stops it (SIGINT, on which it saves its data). setsid execs node in place (a child of ours leads
    // no process group, so setsid need not fork): the pid we signal is node's.
    private static ProcessStartInfo InSessionOfItsOwn(ProcessStartInfo info)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(SetSid))
        {
            return info;
        }
        return NewStartInfo(SetSid, info.WorkingDirectory, [info.FileName, .. info.ArgumentList]);
    }

    private static string ScriptPath(string repositoryRoot) => Path.Combine([repositoryRoot, .. ServerScript]);

    private static ProcessStartInfo NewStartInfo(string fileName, string workingDirectory, params string[] arguments) =>
        new(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

    private static Process Start(ProcessStartInfo info, string what, OutputTail output)
    {
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not run {what}: it must be installed and on the PATH.", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    /// <summary>The last lines a child process printed, for error messages.</summary>
    private sealed class OutputTail
    {
        private const int MaxLines = 40;
        private readonly Queue<string> _lines = new();

        public event Action<string>? LineAdded;

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > MaxLines)
                {
                    _lines.Dequeue();
                }
            }
            LineAdded?.Invoke(line);
        }

        public override string ToString()
        {
            lock (_lines)
            {
                return _lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _lines);
            }
        }
    }
}
