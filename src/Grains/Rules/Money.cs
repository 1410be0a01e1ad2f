namespace Engagement.Rules;

/// <summary>Rounding of money the way a bank books it.</summary>
public static class Money
{
    /// <summary>Rounds to the cent, halves away from zero (四舍五入).</summary>
    public static decimal ToCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
