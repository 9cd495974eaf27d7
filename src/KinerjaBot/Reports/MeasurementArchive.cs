using System.Security.Cryptography;
using KinerjaBot.Configuration;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reports;

/// <summary>
/// Where the measurement report lives: <c>{data}/reports/{office}/{year}/pengukuran-rev-{n}/</c>, beside the year's data
/// report. Drafts are redrawn for each step; the reported PDF is written once with its <c>.sha256</c> and its table as
/// <c>.csv</c> and <c>.xlsx</c> (numbers as numbers), like the data report.
/// </summary>
public sealed class MeasurementArchive(OfficeConfiguration office, MeasurementReportBuilder builder, ReportPdfRenderer renderer, string dataDirectory)
{
    public string FinalPath(WorkflowInstance measurement) =>
        Path.Combine(Folder(measurement), $"pengukuran-kinerja-{office.Office.Id}-{measurement.PeriodId}-rev{measurement.Revision}.pdf");

    public async Task<string> RenderDraftAsync(StoreTransaction transaction, WorkflowInstance measurement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Folder(measurement), $"draf-pengukuran-kinerja-{office.Office.Id}-{measurement.PeriodId}-rev{measurement.Revision}.pdf");
        var model = await builder.BuildAsync(transaction, measurement, now, cancellationToken);
        await OfficeDocumentParts.WriteAsync(path, renderer.Render(model with { Title = model.Title + " (DRAF)" }), cancellationToken);
        return path;
    }

    public async Task<string> ArchiveFinalAsync(StoreTransaction transaction, WorkflowInstance measurement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = FinalPath(measurement);
        var model = await builder.BuildAsync(transaction, measurement, now, cancellationToken);
        var bytes = renderer.Render(model);
        await OfficeDocumentParts.WriteAsync(path, bytes, cancellationToken);
        await File.WriteAllTextAsync(path + ".sha256", $"{Convert.ToHexStringLower(SHA256.HashData(bytes))}  {Path.GetFileName(path)}\n", cancellationToken);
        await OfficeDocumentParts.WriteAsync(Path.ChangeExtension(path, ".csv"), ReportCsvWriter.Write(model), cancellationToken);
        await OfficeDocumentParts.WriteAsync(Path.ChangeExtension(path, ".xlsx"), ReportXlsxWriter.Write(model), cancellationToken);
        return path;
    }

    private string Folder(WorkflowInstance measurement) =>
        Path.Combine(Path.GetFullPath(dataDirectory), "reports", office.Office.Id, measurement.PeriodId, $"pengukuran-rev-{measurement.Revision}");
}
