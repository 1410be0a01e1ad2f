namespace Engagement.Silo.Hosting;

/// <summary>Fills in, before the engine is built, what its configuration leaves out: the development composition
/// (<c>src/Development</c>) supplies an embedded broker, Azurite and the demo feed; a production start supplies none.</summary>
public interface IEngineDefaults
{
    /// <summary>Starts what the configuration lacks, points the configuration at it, adds its services to
    /// <paramref name="builder"/>, and hands each thing it started to <paramref name="started"/>, which the engine
    /// stops after itself (or at once, should the build fail).</summary>
    Task StartAsync(WebApplicationBuilder builder, ICollection<IAsyncDisposable> started);
}
