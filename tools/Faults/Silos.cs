using System.Globalization;
using Engagement.Development;
using Engagement.Verification;

namespace Engagement.Faults;

/// <summary>Silo processes of one cluster, as <c>scripts/cluster.sh</c> starts them: Azure Table membership, each on
/// ports of its own that it keeps across a restart.</summary>
public sealed class Silos(IReadOnlyDictionary<string, string?> cluster) : IAsyncDisposable
{
    private readonly List<(Dictionary<string, string?> Settings, EngineProcess? Process)> _silos = [];

    /// <summary>The APIs of the silos that run.</summary>
    public IReadOnlyList<HttpClient> Apis => _silos.Where(s => s.Process is not null).Select(s => s.Process!.Http).ToList();

    /// <summary>How many silos there are, running or not.</summary>
    public int Count => _silos.Count;

    /// <summary>Starts one more silo and waits until it is ready.</summary>
    public async Task AddAsync()
    {
        var settings = new Dictionary<string, string?>(cluster)
        {
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        };
        _silos.Add((settings, null));
        await RestartAsync(_silos.Count);
    }

    /// <summary>Kills silo <paramref name="number"/> (from 1) at once: SIGKILL, no shutdown, no last checkpoint.</summary>
    public async Task KillAsync(int number)
    {
        var (settings, process) = _silos[number - 1];
        if (process is not null)
        {
            await process.DisposeAsync();
        }
        _silos[number - 1] = (settings, null);
    }

    /// <summary>Starts silo <paramref name="number"/> again on its own ports and waits until it is ready.</summary>
    public async Task RestartAsync(int number)
    {
        var settings = _silos[number - 1].Settings;
        _silos[number - 1] = (settings, await EngineProcess.StartAsync(settings));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        for (var number = 1; number <= _silos.Count; number++)
        {
            await KillAsync(number);
        }
    }
}
