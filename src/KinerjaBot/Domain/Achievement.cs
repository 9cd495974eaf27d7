namespace KinerjaBot.Domain;

/// <summary>Capaian: how far a realisation meets its target, in percent (PermenPANRB 53/2014 style).</summary>
public static class Achievement
{
    /// <summary>
    /// Higher-is-better: <c>realisation / target × 100</c> (may exceed 100). Lower-is-better:
    /// <c>(2 − realisation / target) × 100</c>, floored at 0. Rounded to 2 decimals, halves away from zero.
    /// Lower-is-better with target 0 ("kasus gizi buruk", target 0): 0 realised is 100 (met exactly: nothing can do
    /// better than none) and anything above 0 is 0, i.e. missed and rated the lowest predikat.
    /// </summary>
    /// <returns>
    /// Null when a higher-is-better target is 0 (any realisation meets it, so there is no meaningful percentage and
    /// reports show "–"), and for any target below 0.
    /// </returns>
    public static decimal? Calculate(decimal realisation, decimal target, Polarity polarity)
    {
        // The parser never accepts a negative value, so one here is a programming error, not user input.
        ArgumentOutOfRangeException.ThrowIfNegative(realisation);
        if (target == 0 && polarity == Polarity.Lower)
        {
            // Not a dash: a dash reads as "not applicable" and hid a missed zero target (issue 12). 0 for any case
            // is also the formula's own limit as the target shrinks towards 0 with the realisation held above it.
            return realisation == 0 ? 100m : 0m;
        }

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
