namespace KinerjaBot.Domain;

/// <summary>
/// Whether a value is far enough from its target (either side) or from last period's realisasi that the official is
/// asked to confirm it with a short reason, and the verifier is shown a flag. The same factor as the parser's own
/// over-target question (<see cref="IndicatorValueParser.ConfirmationFactor"/>), so the two never disagree. It is worked
/// out from the stored value, target and last period's value whenever needed, never stored.
/// </summary>
public static class Plausibility
{
    public const decimal Factor = IndicatorValueParser.ConfirmationFactor;

    /// <summary>Why the value looks implausible ("lebih dari 3 kali target (3 kegiatan)"), or null when it does not.</summary>
    /// <param name="show">Formats a reference value the way the chat shows values (with the satuan).</param>
    public static string? Concern(decimal value, decimal? target, decimal? lastPeriod, Func<decimal, string> show)
    {
        if (target is > 0 && value > Factor * target.Value)
        {
            return $"lebih dari 3 kali target ({show(target.Value)})";
        }

        if (target is > 0 && value < target.Value / Factor)
        {
            return $"kurang dari sepertiga target ({show(target.Value)})";
        }

        if (lastPeriod is > 0 && (value > Factor * lastPeriod.Value || value < lastPeriod.Value / Factor))
        {
            return $"jauh berbeda dari realisasi periode lalu ({show(lastPeriod.Value)})";
        }

        return null;
    }
}
