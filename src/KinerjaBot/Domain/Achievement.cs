namespace KinerjaBot.Domain;

/// <summary>Capaian: how far a realisation meets its target, in percent (PermenPANRB 53/2014 style).</summary>
public static class Achievement
{
    /// <summary>
    /// Higher-is-better: <c>realisation / target × 100</c> (may exceed 100). Lower-is-better:
    /// <c>(2 − realisation / target) × 100</c>, floored at 0. Rounded to 2 decimals, halves away from zero.
    /// </summary>
    /// <returns>Null when the target is 0 (or below): there is no meaningful percentage, and reports show "–".</returns>
    public static decimal? Calculate(decimal realisation, decimal target, Polarity polarity)
    {
        // The parser never accepts a negative value, so one here is a programming error, not user input.
        ArgumentOutOfRangeException.ThrowIfNegative(realisation);
        if (target <= 0)
        {
            return null;
        }

        // Multiplying before dividing keeps exact cases exact (e.g. 1 / 3 × 300) within decimal's 28 digits.
        var ratioPercent = realisation * 100m / target;
        var percent = polarity == Polarity.Lower ? Math.Max(0m, 200m - ratioPercent) : ratioPercent;
        return Math.Round(percent, 2, MidpointRounding.AwayFromZero);
    }
}
