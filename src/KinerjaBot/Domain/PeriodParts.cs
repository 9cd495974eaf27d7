namespace KinerjaBot.Domain;

/// <summary>
/// The lower periods a quarter, semester or year is made of, for rollups: the months of a quarter, the quarters
/// (else months) of a semester, the semesters (else quarters, else months) of a year — the nearest lower kind the
/// indicator is asked in, so every figure is summed from values someone verified.
/// </summary>
public static class PeriodParts
{
    private static readonly PeriodKind[] Order = [PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Semester, PeriodKind.Year];

    /// <summary>The nearest lower kind of <paramref name="period"/> in <paramref name="askedIn"/>, or null when there is none.</summary>
    public static PeriodKind? LowerKind(Period period, IReadOnlySet<PeriodKind> askedIn)
    {
        var own = Array.IndexOf(Order, period.Kind);
        for (var index = own - 1; index >= 0; index--)
        {
            if (askedIn.Contains(Order[index]))
            {
                return Order[index];
            }
        }

        return null;
    }

    /// <summary>The periods of <paramref name="kind"/> inside <paramref name="period"/>, in order (Juli, Agustus, September).</summary>
    public static IReadOnlyList<Period> Of(Period period, PeriodKind kind)
    {
        var months = MonthsIn(kind);
        var count = MonthsIn(period.Kind) / months;
        var first = ((period.Start.Month - 1) / months) + 1;
        return Enumerable.Range(first, count).Select(index => kind switch
        {
            PeriodKind.Month => Period.Month(period.Year, index),
            PeriodKind.Quarter => Period.Quarter(period.Year, index),
            _ => Period.Semester(period.Year, index),
        }).ToList();
    }

    /// <summary>The short name used in a rollup's explanation and a column header: "Juli", "TW III", "Semester I".</summary>
    public static string ShortName(Period period) => period.Kind switch
    {
        PeriodKind.Month => IndonesianFormat.MonthName(period.Index),
        PeriodKind.Quarter => "TW " + period.DisplayName.Split(' ')[1],
        PeriodKind.Semester => "Semester " + period.DisplayName.Split(' ')[1],
        _ => period.DisplayName,
    };

    private static int MonthsIn(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => 1,
        PeriodKind.Quarter => 3,
        PeriodKind.Semester => 6,
        _ => 12,
    };
}
