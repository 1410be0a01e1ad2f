using Engagement.Configuration;
using Microsoft.Extensions.Options;

namespace Engagement.Silo.Hosting;

/// <summary>Checks the <c>Orleans</c> section: two distinct TCP ports and the cluster's ids.</summary>
public sealed class OrleansOptionsValidator : IValidateOptions<OrleansOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OrleansOptions options) => new SettingChecks(OrleansOptions.Section)
        .Within(nameof(options.SiloPort), options.SiloPort, 1, 65_535)
        .Within(nameof(options.GatewayPort), options.GatewayPort, 1, 65_535)
        .That(options.SiloPort != options.GatewayPort, nameof(options.GatewayPort), $"must differ from Orleans:SiloPort (both {options.SiloPort})")
        .Required(nameof(options.ClusterId), options.ClusterId)
        .Required(nameof(options.ServiceId), options.ServiceId)
        .Result();
}
