using Engagement.Customers;

namespace Engagement.Advisors;

/// <summary>Conversion per trigger type and tier over every advisor, for the days <paramref name="From"/> to
/// <paramref name="Through"/> (both included, in <c>Engine:TimeZone</c>) on which triggers were closed.</summary>
/// <param name="From">The first day of the window.</param>
/// <param name="Through">The last day of the window: the day the table was asked for.</param>
/// <param name="Rates">One entry per type and tier with a trigger closed in the window, by type then tier.</param>
[GenerateSerializer, Immutable, Alias("Engagement.ConversionTable")]
public sealed record ConversionTable(
    [property: Id(0)] DateOnly From,
    [property: Id(1)] DateOnly Through,
    [property: Id(2)] IReadOnlyList<ConversionRate> Rates)
{
    /// <summary>The rate of <paramref name="type"/> at <paramref name="tier"/>; none closed (and no conversion) when the
    /// window holds no closed trigger of them.</summary>
    public ConversionRate Rate(string type, Tier tier) =>
        Rates.FirstOrDefault(r => r.Type == type && r.Tier == tier) ?? new ConversionRate(type, tier, 0, 0, null);
}
