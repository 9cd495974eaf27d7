using System.Globalization;
using KinerjaBot.Domain;
using MiniExcelLibs;

namespace KinerjaBot.Configuration;

/// <summary>
/// Reads the targets sheet offices keep beside their Perjanjian Kinerja: the first sheet, a header row, then one row per
/// indicator with its code, the year's target and the Rencana Aksi's TW1–TW4 targets. Every problem is listed with its
/// row and column, in English for the operator, and the import is all or nothing.
/// </summary>
public static class TargetsWorkbook
{
    private static readonly (string Name, string[] Headers)[] Columns =
    [
        ("code", ["code", "kode", "kodeindikator"]),
        ("year target", ["year", "yeartarget", "tahun", "target", "targettahun", "targettahunan"]),
        ("TW1", ["tw1", "twi", "triwulan1", "triwulani"]),
        ("TW2", ["tw2", "twii", "triwulan2", "triwulanii"]),
        ("TW3", ["tw3", "twiii", "triwulan3", "triwulaniii"]),
        ("TW4", ["tw4", "twiv", "triwulan4", "triwulaniv"]),
    ];

    public static TargetsImport Read(Stream workbook, int year, OfficeConfiguration office)
    {
        var problems = new List<string>();
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = workbook.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            return new TargetsImport([$"the file cannot be read as an .xlsx workbook ({e.Message}); save it from Excel or LibreOffice as 'Excel Workbook (.xlsx)'"], new Dictionary<string, IReadOnlyDictionary<string, decimal>>());
        }

        if (rows.Count == 0)
        {
            return new TargetsImport(["row 1: the first sheet is empty; it needs a header row (code, year target, TW1, TW2, TW3, TW4) and one row per indicator"], new Dictionary<string, IReadOnlyDictionary<string, decimal>>());
        }

        var letters = FindColumns(rows[0], problems);
        var byCode = office.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var targets = new Dictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 1; index < rows.Count; index++)
        {
            var row = rows[index];
            var number = index + 1;
            if (row.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
            {
                continue;
            }

            var indicator = ReadCode(row, number, letters, byCode, seen, problems);
            var periods = new Dictionary<string, decimal>(StringComparer.Ordinal);
            for (var column = 1; column < Columns.Length; column++)
            {
                if (letters[column] is not { } letter)
                {
                    continue;
                }

                var period = column == 1 ? Period.OfYear(year) : Period.Quarter(year, column - 1);
                var where = $"row {number}, column {letter} ({Columns[column].Name})";
                var cell = row.TryGetValue(letter, out var raw) ? raw : null;
                if (cell is null || (cell is string blank && string.IsNullOrWhiteSpace(blank)))
                {
                    if (indicator is not null && indicator.AskedIn.Contains(period.Kind))
                    {
                        problems.Add($"{where}: empty; {indicator.Code} is asked per {period.Kind.ToString().ToLowerInvariant()}, so it needs a target for {period.Id}");
                    }

                    continue;
                }

                if (!TryNumber(cell, out var value))
                {
                    problems.Add($"{where}: '{cell}' is not a number; write a plain number such as 72.5");
                    continue;
                }

                if (indicator is not null && ImportedTargets.ProblemWith(indicator, period, value) is { } problem)
                {
                    problems.Add($"{where}: {problem}");
                    continue;
                }

                periods[period.Id] = value;
            }

            if (indicator is not null)
            {
                targets[indicator.Code] = periods;
            }
        }

        if (problems.Count == 0 && targets.Count == 0)
        {
            problems.Add("row 2: no indicator rows under the header; add one row per indicator");
        }

        return new TargetsImport(problems, problems.Count == 0 ? targets : new Dictionary<string, IReadOnlyDictionary<string, decimal>>());
    }

    private static string?[] FindColumns(IDictionary<string, object?> header, List<string> problems)
    {
        var letters = new string?[Columns.Length];
        foreach (var (letter, cell) in header)
        {
            var name = Normalize(cell?.ToString());
            var column = Array.FindIndex(Columns, c => c.Headers.Contains(name, StringComparer.Ordinal) || (c.Name == "year target" && name.Length == 4 && name.All(char.IsAsciiDigit)));
            if (column >= 0 && letters[column] is null)
            {
                letters[column] = letter;
            }
        }

        for (var column = 0; column < Columns.Length; column++)
        {
            if (letters[column] is null)
            {
                var found = header.Values.Select(v => v?.ToString()?.Trim()).Where(v => !string.IsNullOrEmpty(v));
                problems.Add($"row 1: missing column '{Columns[column].Name}'; the header row needs code, year target, TW1, TW2, TW3, TW4 (found: {string.Join(", ", found)})");
            }
        }

        return letters;
    }

    private static Indicator? ReadCode(IDictionary<string, object?> row, int number, string?[] letters, Dictionary<string, Indicator> byCode, Dictionary<string, int> seen, List<string> problems)
    {
        if (letters[0] is not { } letter)
        {
            return null;
        }

        var code = (row.TryGetValue(letter, out var cell) ? cell : null)?.ToString()?.Trim();
        var where = $"row {number}, column {letter} (code)";
        if (string.IsNullOrEmpty(code))
        {
            problems.Add($"{where}: no indicator code");
            return null;
        }

        if (!byCode.TryGetValue(code, out var indicator))
        {
            problems.Add($"{where}: unknown indicator code '{code}'; use a code from indicators.yaml ({string.Join(", ", byCode.Keys)})");
            return null;
        }

        if (!seen.TryAdd(code, number))
        {
            problems.Add($"{where}: '{code}' is listed twice (first in row {seen[code]}); keep one row per indicator");
            return null;
        }

        return indicator;
    }

    private static bool TryNumber(object cell, out decimal value)
    {
        switch (cell)
        {
            case double d when double.IsFinite(d):
                value = (decimal)d;
                return true;
            case int or long or decimal:
                value = Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
                return true;
            case string text:
                // A number typed as text ("72,5" in an Indonesian sheet, "72.5" elsewhere) is still the number.
                var plain = text.Trim();
                plain = plain.Contains(',', StringComparison.Ordinal) && !plain.Contains('.', StringComparison.Ordinal) ? plain.Replace(',', '.') : plain;
                return decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }

    private static string Normalize(string? header) =>
        new((header ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-' and not '_').Select(char.ToLowerInvariant).ToArray());
}
