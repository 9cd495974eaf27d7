using System.Security.Cryptography;
using KinerjaBot.Configuration;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reports;

/// <summary>
/// Where report PDFs live: <c>{data}/reports/{office}/{period}/rev-{n}/</c>. Drafts are redrawn for each stage;
/// the signed PDF is written once per revision with a <c>.sha256</c> file and the table as <c>.csv</c> and <c>.xlsx</c> (for the
/// e-SAKIP upload) beside it, and earlier revisions stay.
/// </summary>
public sealed class ReportArchive(OfficeConfiguration office, ReportModelBuilder builder, ReportPdfRenderer renderer, string dataDirectory)
{
    public string FinalPath(string periodId, int revision) =>
        Path.Combine(Folder(periodId, revision), $"data-kinerja-{office.Office.Id}-{periodId}-rev{revision}.pdf");

    /// <summary>The signed revision's table as CSV, beside its PDF.</summary>
    public string FinalCsvPath(string periodId, int revision) => Path.ChangeExtension(FinalPath(periodId, revision), ".csv");

    /// <summary>The signed revision's table as an Excel workbook (one sheet per period), beside its PDF.</summary>
    public string FinalXlsxPath(string periodId, int revision) => Path.ChangeExtension(FinalPath(periodId, revision), ".xlsx");

    public async Task<string> RenderDraftAsync(StoreTransaction transaction, WorkflowInstance report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Folder(report.PeriodId, report.Revision), $"draf-data-kinerja-{office.Office.Id}-{report.PeriodId}-rev{report.Revision}.pdf");
        var model = await builder.BuildAsync(transaction, report, now, cancellationToken);
        // No verification code on a draft: it is not the signed document, and a code would make it look checkable.
        await OfficeDocumentParts.WriteAsync(path, renderer.Render(model with { Title = model.Title + " (DRAF)", VerificationLine = null }), cancellationToken);
        return path;
    }

    public async Task<ArchivedReport> ArchiveFinalAsync(StoreTransaction transaction, WorkflowInstance signed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = FinalPath(signed.PeriodId, signed.Revision);
        var model = await builder.BuildAsync(transaction, signed, now, cancellationToken);
        var bytes = renderer.Render(model);
        await OfficeDocumentParts.WriteAsync(path, bytes, cancellationToken);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        await File.WriteAllTextAsync(path + ".sha256", $"{hash}  {Path.GetFileName(path)}\n", cancellationToken);
        await OfficeDocumentParts.WriteAsync(FinalCsvPath(signed.PeriodId, signed.Revision), ReportCsvWriter.Write(model), cancellationToken);
        await OfficeDocumentParts.WriteAsync(FinalXlsxPath(signed.PeriodId, signed.Revision), ReportXlsxWriter.Write(model), cancellationToken);
        return new ArchivedReport(path, hash);
    }

    private string Folder(string periodId, int revision) =>
        Path.Combine(Path.GetFullPath(dataDirectory), "reports", office.Office.Id, periodId, $"rev-{revision}");
}
