using System.Text;
using KinerjaBot.Reports.Pdf;

namespace KinerjaBot.Reports;

/// <summary>
/// The report's table as CSV for the e-SAKIP / e-Monev upload (SOP: archive electronically). Semicolons and
/// Indonesian decimal commas, UTF-8 with a byte-order mark: what Excel set to Indonesian opens without asking.
/// </summary>
public static class ReportCsvWriter
{
    private static readonly string[] Header = ["No", "Unit", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Keterangan"];

    public static byte[] Write(ReportDocumentModel model)
    {
        var csv = new StringBuilder();
        AppendLine(csv, Header);
        foreach (var unit in model.Units)
        {
            foreach (var row in unit.Rows)
            {
                AppendLine(csv, [row.Number, unit.UnitName, row.IndicatorName, row.Measure, row.Target, row.Realisation, row.Achievement, row.Remark]);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void AppendLine(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(';');
            }

            var field = fields[i];
            csv.Append(field.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field);
        }

        csv.Append("\r\n");
    }
}
