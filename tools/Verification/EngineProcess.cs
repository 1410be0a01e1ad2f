using System.Diagnostics;
using Engagement.Development;

namespace Engagement.Verification;

/// <summary>The engine as its own operating-system process, so a test can kill it hard (SIGKILL) mid-stream.</summary>
public sealed class EngineProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private EngineProcess(Process process, IReadOnlyDictionary<string, string?> settings)
    {
        _process = process;
        Settings = settings;
        BaseUrl = settings["Urls"]!;
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public string BaseUrl { get; }

    /// <summary>The settings the process was started with, its free ports among them.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public HttpClient Http { get; }

    /// <summary>The files the process has mapped (its loaded assemblies among them), from <c>/proc</c>.</summary>
    public string MappedFiles => File.ReadAllText($"/proc/{_process.Id}/maps");

    /// <summary>Starts what <c>bash scripts/run.sh</c> starts (the development launcher) or, with
    /// <paramref name="production"/>, the production entry point, and waits until it is ready.</summary>
    public static Task<EngineProcess> StartAsync(IDictionary<string, string?> settings, bool production = false) =>
        ReadyAsync(Launch(settings, production));

    /// <summary>Starts the development launcher as <c>bash scripts/run.sh</c> does from a terminal, leading a process
    /// group of its own (as a shell's job does), and waits until it is ready.</summary>
    public static Task<EngineProcess> StartAsGroupAsync(IDictionary<string, string?> settings) =>
        ReadyAsync(Launch(settings, production: false, ownProcessGroup: true));

    /// <summary>Starts the process without waiting for it to be ready (a start that should fail, say).</summary>
    public static EngineProcess Launch(IDictionary<string, string?> settings, bool production = false, bool ownProcessGroup = false)
    {
        var environment = LocalEngine.DefaultSettings();
        environment["Kafka:SessionTimeoutMs"] = "6000";
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
        var program = Path.Combine(AppContext.BaseDirectory, production ? "Engagement.Silo.dll" : "Engagement.Development.dll");
        var start = new ProcessStartInfo(ownProcessGroup ? "setsid" : "dotnet", ownProcessGroup ? ["dotnet", program] : [program])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The engine process did not start.");
        var engine = new EngineProcess(process, environment);
        process.OutputDataReceived += (_, line) => engine.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => engine.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return engine;
    }

    /// <summary>The last lines the process wrote, standard output and error together.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    private void Keep(string? line)
    {
        lock (_output)
        {
            if (line is null)
            {
                return;
            }
            _output.Enqueue(line);
            while (_output.Count > 60)
            {
                _output.Dequeue();
            }
        }
    }

    private static async Task<EngineProcess> ReadyAsync(EngineProcess engine)
    {
        try
        {
            await engine.WaitUntilReadyAsync();
        }
        catch (Exception ex)
        {
            await engine.DisposeAsync();
            throw new InvalidOperationException($"The engine process did not become ready. Its last output:\n{engine.Output}", ex);
        }
        return engine;
    }

    private Task WaitUntilReadyAsync() =>
        Eventually.MatchAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The engine process exited with code {_process.ExitCode} before it was ready.");
            }
            try
            {
                using var response = await Http.GetAsync("/health/ready");
                return (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return 0;
            }
        }, status => status == 200, TimeSpan.FromSeconds(60), "the engine process to be ready");

    /// <summary>Waits for the process to exit by itself and answers its exit code; throws past the deadline.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM to the process's whole process group, as systemd or a terminal does, and waits for it to
    /// exit; throws past the deadline.</summary>
    public async Task TerminateGroupAsync(TimeSpan timeout)
    {
        using var kill = Process.Start("kill", ["-TERM", "--", $"-{_process.Id}"]) ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync();
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no flush, no commit.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }
}
