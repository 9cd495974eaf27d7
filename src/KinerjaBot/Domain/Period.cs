using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KinerjaBot.Domain;

/// <summary>
/// A reporting period: <c>2026-01</c>…<c>2026-12</c>, <c>2026-TW1</c>…<c>2026-TW4</c>, <c>2026-S1</c>, <c>2026-S2</c>, <c>2026</c>.
/// </summary>
public sealed record Period
{
    private Period(int year, PeriodKind kind, int index)
    {
        Year = year;
        Kind = kind;
        Index = index;
    }

    public int Year { get; }

    public PeriodKind Kind { get; }

    /// <summary>Month 1–12, quarter 1–4, semester 1–2, or 1 for a year.</summary>
    public int Index { get; }

    /// <summary>The id used in config, commands and storage, e.g. <c>2026-TW3</c>.</summary>
    public string Id => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year}-{Index:00}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}-TW{Index}"),
        PeriodKind.Semester => string.Create(CultureInfo.InvariantCulture, $"{Year}-S{Index}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The name people read, e.g. "Triwulan III 2026".</summary>
    public string DisplayName => Kind switch
    {
        PeriodKind.Month => $"{IndonesianFormat.MonthName(Index)} {Year}",
        PeriodKind.Quarter => $"Triwulan {Roman(Index)} {Year}",
        PeriodKind.Semester => $"Semester {Roman(Index)} {Year}",
        _ => $"Tahun {Year}",
    };

    /// <summary>First day of the period.</summary>
    public DateOnly Start => new(Year, FirstMonth, 1);

    /// <summary>Last day of the period.</summary>
    public DateOnly End => Start.AddMonths(MonthCount).AddDays(-1);

    private int MonthCount => Kind switch
    {
        PeriodKind.Month => 1,
        PeriodKind.Quarter => 3,
        PeriodKind.Semester => 6,
        _ => 12,
    };

    private int FirstMonth => ((Index - 1) * MonthCount) + 1;

    /// <summary>The period of the same kind just before this one (Triwulan I 2026 → Triwulan IV 2025).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Before the year 2000, which no period id can name.</exception>
    public Period Previous()
    {
        var last = Kind switch
        {
            PeriodKind.Month => 12,
            PeriodKind.Quarter => 4,
            PeriodKind.Semester => 2,
            _ => 1,
        };

        // Through Create, so the previous period is held to the same range as every other (it must round-trip via its id).
        return Index > 1 ? Create(Year, Kind, Index - 1, last) : Create(Year - 1, Kind, last, last);
    }

    public static Period Month(int year, int month) => Create(year, PeriodKind.Month, month, 12);

    public static Period Quarter(int year, int quarter) => Create(year, PeriodKind.Quarter, quarter, 4);

    public static Period Semester(int year, int semester) => Create(year, PeriodKind.Semester, semester, 2);

    public static Period OfYear(int year) => Create(year, PeriodKind.Year, 1, 1);

    /// <summary>Parses a period id; accepts lower case (<c>2026-tw3</c>) and surrounding spaces.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Period? period)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var id = text.Trim().ToUpperInvariant();
        if (id.Length < 4 || !TryYear(id[..4], out var year))
        {
            return false;
        }

        if (id.Length == 4)
        {
            period = OfYear(year);
            return true;
        }

        if (id[4] != '-')
        {
            return false;
        }

        var rest = id[5..];
        if (rest.StartsWith("TW", StringComparison.Ordinal) && TrySmall(rest[2..], 4, out var quarter))
        {
            period = Quarter(year, quarter);
            return true;
        }

        if (rest.StartsWith('S') && TrySmall(rest[1..], 2, out var semester))
        {
            period = Semester(year, semester);
            return true;
        }

        if (rest.Length == 2 && TrySmall(rest, 12, out var month))
        {
            period = Month(year, month);
            return true;
        }

        return false;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException($"'{text}' is not a period id. Use 2026-01…2026-12, 2026-TW1…2026-TW4, 2026-S1, 2026-S2 or 2026.");

    public override string ToString() => Id;

    private static Period Create(int year, PeriodKind kind, int index, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2999);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, max);
        return new Period(year, kind, index);
    }

    // Quarters and semesters are numbered in Roman numerals on Indonesian documents ("Triwulan III").
    private static string Roman(int number) => number switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "IV",
    };

    private static bool TryYear(string digits, out int year) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2999;

    private static bool TrySmall(string digits, int max, out int value)
    {
        if (digits.Length is 1 or 2
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= 1 && value <= max)
        {
            return true;
        }

        value = 0;
        return false;
    }
}
