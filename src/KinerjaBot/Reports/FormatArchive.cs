using System.Security.Cryptography;
using KinerjaBot.Configuration;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Reports;

/// <summary>
/// Where a period's format PDFs live: <c>{data}/reports/{office}/{period}/format/</c>. The draft is redrawn for every
/// step; on the head's signature the signed format and the numbered notification letter are written once, each with a
/// <c>.sha256</c> beside it, before any unit head is sent them.
/// </summary>
public sealed class FormatArchive(OfficeConfiguration office, FormatDocumentBuilder builder, ReportPdfRenderer renderer, NotificationLetterRenderer letters, string dataDirectory)
{
    public async Task<string> RenderDraftAsync(StoreTransaction transaction, WorkflowInstance format, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var audit = await transaction.Audit.ForInstanceAsync(format.Id, cancellationToken);
        var path = Path.Combine(Folder(format.PeriodId), $"draf-format-data-kinerja-{office.Office.Id}-{format.PeriodId}-{format.Revision}.pdf");
        await OfficeDocumentParts.WriteAsync(path, renderer.Render(builder.BuildFormat(format, audit, null, null, now)), cancellationToken);
        return path;
    }

    /// <summary>Writes the signed format and the letter numbered <paramref name="letterNumber"/>; returns their paths.</summary>
    public async Task<(string Format, string Letter)> ArchiveSignedAsync(StoreTransaction transaction, WorkflowInstance format, string letterNumber, DateTimeOffset signedAt, DateTimeOffset fillDeadline, CancellationToken cancellationToken)
    {
        var audit = await transaction.Audit.ForInstanceAsync(format.Id, cancellationToken);
        var formatPath = Path.Combine(Folder(format.PeriodId), $"format-data-kinerja-{office.Office.Id}-{format.PeriodId}.pdf");
        var letterPath = Path.Combine(Folder(format.PeriodId), $"surat-pemberitahuan-{office.Office.Id}-{format.PeriodId}.pdf");
        await WriteWithHashAsync(formatPath, renderer.Render(builder.BuildFormat(format, audit, letterNumber, fillDeadline, signedAt)), cancellationToken);
        await WriteWithHashAsync(letterPath, letters.Render(builder.BuildLetter(format, audit, letterNumber, signedAt, fillDeadline)), cancellationToken);
        return (formatPath, letterPath);
    }

    private string Folder(string periodId) =>
        Path.Combine(Path.GetFullPath(dataDirectory), "reports", office.Office.Id, periodId, "format");

    private static async Task WriteWithHashAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        await OfficeDocumentParts.WriteAsync(path, bytes, cancellationToken);
        await File.WriteAllTextAsync(path + ".sha256", $"{Convert.ToHexStringLower(SHA256.HashData(bytes))}  {Path.GetFileName(path)}\n", cancellationToken);
    }
}
