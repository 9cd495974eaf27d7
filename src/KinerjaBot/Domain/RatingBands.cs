namespace KinerjaBot.Domain;

/// <summary>
/// The rating scale for capaian. The SOP table reads "≥ 91 Sangat Baik, 76–90 Baik, 66–75 Cukup, 51–65 Kurang,
/// ≤ 50 Sangat Kurang"; capaian has decimals, so each band is taken as starting exactly at its lower bound:
/// 90,99 is Baik, 91 is Sangat Baik, 50,99 is Sangat Kurang, 51 is Kurang. The lowest band also takes anything
/// below its own bound.
/// </summary>
public sealed class RatingBands
{
    public RatingBands(IEnumerable<Rating> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var ordered = bands.OrderByDescending(band => band.LowerBound).ToArray();
        if (ordered.Length == 0)
        {
            throw new ArgumentException("A rating scale needs at least one band.", nameof(bands));
        }

        if (ordered.Any(band => string.IsNullOrWhiteSpace(band.Label)))
        {
            throw new ArgumentException("Every rating band needs a label, e.g. \"Baik\".", nameof(bands));
        }

        if (ordered.Select(band => band.LowerBound).Distinct().Count() != ordered.Length)
        {
            throw new ArgumentException("Two rating bands start at the same capaian; each lower bound must be different.", nameof(bands));
        }

        // Read-only so that the shared Default cannot be altered through a cast.
        Bands = Array.AsReadOnly(ordered);
    }

    /// <summary>Sangat Baik ≥ 91, Baik ≥ 76, Cukup ≥ 66, Kurang ≥ 51, Sangat Kurang below.</summary>
    public static RatingBands Default { get; } = new(
    [
        new Rating("Sangat Baik", 91m),
        new Rating("Baik", 76m),
        new Rating("Cukup", 66m),
        new Rating("Kurang", 51m),
        new Rating("Sangat Kurang", 0m),
    ]);

    /// <summary>The bands, highest first.</summary>
    public IReadOnlyList<Rating> Bands { get; }

    public Rating Rate(decimal achievement) =>
        Bands.FirstOrDefault(band => achievement >= band.LowerBound) ?? Bands[^1];

    /// <summary>Null when there is no capaian (target 0); reports show "–".</summary>
    public Rating? Rate(decimal? achievement) => achievement is { } value ? Rate(value) : null;
}
