namespace Engagement.Rules;

/// <summary>The rates the metrics show: a part of a whole.</summary>
public static class Ratio
{
    /// <summary><paramref name="part"/> ÷ <paramref name="whole"/> to 4 places, halves away from zero; null when the whole is 0.</summary>
    public static decimal? Of(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
}
