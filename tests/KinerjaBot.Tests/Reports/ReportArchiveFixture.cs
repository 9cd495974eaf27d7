using System.Security.Cryptography;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Tests.Reports.Pdf;

namespace KinerjaBot.Tests.Reports;

/// <summary>
/// A data folder holding one signed sample report as <see cref="KinerjaBot.Reports.ReportArchive"/> lays it out
/// (<c>reports/kec-contoh/2026-TW3/rev-1/</c>, the PDF and its sha256sum-style <c>.sha256</c>), without a whole chain run.
/// </summary>
internal sealed record ReportArchiveFixture(string PdfPath, byte[] Pdf, string Line)
{
    public static ReportArchiveFixture Create(string dataDirectory)
    {
        var model = ReportSamples.Create(6);
        var pdf = new ReportPdfRenderer().Render(model);
        var folder = Path.Combine(dataDirectory, "reports", "kec-contoh", "2026-TW3", "rev-1");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "data-kinerja-kec-contoh-2026-TW3-rev1.pdf");
        File.WriteAllBytes(path, pdf);
        File.WriteAllText(path + ".sha256", $"{Convert.ToHexStringLower(SHA256.HashData(pdf))}  {Path.GetFileName(path)}\n");
        return new ReportArchiveFixture(path, pdf, model.VerificationLine!);
    }
}
