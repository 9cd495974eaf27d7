using System.Globalization;
using System.Text;

namespace KinerjaBot.Domain;

/// <summary>
/// Numbers, dates and times as Indonesian officials write them: "1.234,5", "Kamis, 8 Oktober 2026 16.00 WIB".
/// Day and month names are written out here rather than taken from the machine's ICU culture data, so a report
/// reads the same on every server (ICU versions differ, and invariant-globalization containers have none).
/// </summary>
public static class IndonesianFormat
{
    /// <summary>Shown where there is no value, e.g. capaian for a target of 0.</summary>
    public const string NoValue = "–";

    /// <summary>
    /// The most decimals a stored value has (<see cref="IndicatorValueParser.MaxDecimals"/>), and so the default of
    /// <see cref="Number"/>: a value is always read back exactly as stored ("99,9999 %", never "100 %").
    /// </summary>
    public const int StoredDecimals = 4;

    /// <summary>Decimals of a computed figure such as capaian, which is shown rounded.</summary>
    public const int ComputedDecimals = 2;

    /// <summary>Formats with a dot between thousands and a comma before decimals, without trailing zeros.</summary>
    /// <param name="value">The number.</param>
    /// <param name="maxDecimals">Digits kept after the comma (rounded half away from zero), 0–10. The default shows every
    /// stored value exactly; pass <see cref="ComputedDecimals"/> for a figure computed from values.</param>
    public static string Number(decimal value, int maxDecimals = StoredDecimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDecimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDecimals, 10);

        var rounded = Math.Round(value, maxDecimals, MidpointRounding.AwayFromZero);
        var negative = rounded < 0;
        // Invariant "N" gives "1,234.50"; swapping the two separators by hand avoids depending on any culture's data.
        var invariant = Math.Abs(rounded).ToString("N" + maxDecimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (maxDecimals > 0)
        {
            invariant = invariant.TrimEnd('0').TrimEnd('.');
        }

        var text = new StringBuilder(invariant.Length + 1);
        if (negative)
        {
            text.Append('-');
        }

        foreach (var c in invariant)
        {
            text.Append(c switch
            {
                ',' => '.',
                '.' => ',',
                _ => c,
            });
        }

        return text.ToString();
    }

    /// <summary>A computed percentage such as capaian, without the sign and rounded ("95,5"), or "–" when there is none.</summary>
    public static string Percent(decimal? value) => value is { } percent ? Number(percent, ComputedDecimals) : NoValue;

    /// <summary>"8 Oktober 2026".</summary>
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {MonthName(date.Month)} {date.Year}");

    /// <summary>"Kamis, 8 Oktober 2026".</summary>
    public static string DateWithDay(DateOnly date) => $"{DayName(date.DayOfWeek)}, {Date(date)}";

    /// <summary>"Kamis, 8 Oktober 2026 16.00 WIB": the instant in the office's time zone, time with a dot (PUEBI).</summary>
    public static string DateTime(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{DateWithDay(DateOnly.FromDateTime(local.DateTime))} {local.Hour:00}.{local.Minute:00} {TimeZoneAbbreviation(zone, instant)}");
    }

    /// <summary>"16.00".</summary>
    public static string Time(TimeOnly time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.Hour:00}.{time.Minute:00}");

    /// <summary>
    /// WIB, WITA or WIT for Indonesia's three zones (IANA or Windows ids); any other zone is shown as its offset,
    /// e.g. "UTC+10", so a misconfigured office is visible rather than mislabelled.
    /// </summary>
    public static string TimeZoneAbbreviation(TimeZoneInfo zone, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(zone);
        switch (IndonesianTimeZones.IanaId(zone))
        {
            case "Asia/Jakarta" or "Asia/Pontianak":
                return "WIB";
            case "Asia/Makassar" or "Asia/Ujung_Pandang":
                return "WITA";
            case "Asia/Jayapura":
                return "WIT";
        }

        var offset = zone.GetUtcOffset(instant);
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var magnitude = offset.Duration();
        return magnitude.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{magnitude.Hours}")
            : string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{magnitude.Hours}:{magnitude.Minutes:00}");
    }

    /// <summary>"Januari"…"Desember".</summary>
    public static string MonthName(int month) => month switch
    {
        1 => "Januari",
        2 => "Februari",
        3 => "Maret",
        4 => "April",
        5 => "Mei",
        6 => "Juni",
        7 => "Juli",
        8 => "Agustus",
        9 => "September",
        10 => "Oktober",
        11 => "November",
        12 => "Desember",
        _ => throw new ArgumentOutOfRangeException(nameof(month), month, "A month is 1–12."),
    };

    /// <summary>"Senin"…"Minggu".</summary>
    public static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Senin",
        DayOfWeek.Tuesday => "Selasa",
        DayOfWeek.Wednesday => "Rabu",
        DayOfWeek.Thursday => "Kamis",
        DayOfWeek.Friday => "Jumat",
        DayOfWeek.Saturday => "Sabtu",
        DayOfWeek.Sunday => "Minggu",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week."),
    };
}
