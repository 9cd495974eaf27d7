using KinerjaBot.Reports.Pdf;
using MiniExcelLibs;

namespace KinerjaBot.Reports;

/// <summary>
/// The report's table as an Excel workbook for the e-SAKIP / e-Monev upload: one sheet per period (the report's own
/// first, then the lower periods a semester or annual report adds), the upload's columns, and numbers stored as
/// numbers so the upload and any formula read them without a locale guess.
/// </summary>
public static class ReportXlsxWriter
{
    public const string CodeColumn = "Kode Indikator";
    public const string NameColumn = "Indikator Kinerja";
    public const string MeasureColumn = "Satuan";
    public const string TargetColumn = "Target";
    public const string RealisationColumn = "Realisasi";
    public const string AchievementColumn = "Capaian (%)";
    public const string RemarkColumn = "Keterangan";

    public static byte[] Write(ReportDocumentModel model)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [model.PeriodId] = Sheet(model.Units.SelectMany(u => u.Rows).Select(r => r.Data).OfType<ReportRowData>()),
        };
        foreach (var lower in model.BreakdownPeriods)
        {
            sheets[lower.PeriodId] = Sheet(lower.Rows);
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> Sheet(IEnumerable<ReportRowData> rows) =>
        rows.Select(row => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [CodeColumn] = row.Code,
            [NameColumn] = row.Name,
            [MeasureColumn] = row.Measure,
            [TargetColumn] = row.Target,
            [RealisationColumn] = row.Realisation,
            [AchievementColumn] = row.Achievement is { } a ? decimal.Round(a, 2) : null,
            [RemarkColumn] = row.Remark,
        }).ToList();
}
