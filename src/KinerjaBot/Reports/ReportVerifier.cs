using System.Security.Cryptography;
using System.Text;
using KinerjaBot.Reports.Pdf;

namespace KinerjaBot.Reports;

/// <summary>
/// Tells whether a PDF is exactly a signed, archived report, or whether a scanned verification code belongs to one
/// (docs/decisions/0007). The record is the archive's <c>.sha256</c> file, written when the report was signed: a file
/// is verified when its SHA-256 equals one of those, and nothing else about it is trusted. The verification line inside
/// the file only says what it claims to be, so a changed copy can be named and refused. Used by the <c>verify</c>
/// command; a chat command (<c>/cek</c>) can call <see cref="VerifyFile"/> and <see cref="VerifyLine"/> the same way.
/// </summary>
public sealed class ReportVerifier(string dataDirectory)
{
    private const string ShaSuffix = ".sha256";

    public string ReportsFolder => Path.Combine(Path.GetFullPath(dataDirectory), "reports");

    public ReportVerification VerifyFile(ReadOnlySpan<byte> file)
    {
        var fileHash = Convert.ToHexStringLower(SHA256.HashData(file));
        ReportVerificationLine.TryParse(ReadVerificationLine(file), out var claimed);
        var archived = ArchivedReports().ToList();
        var exact = archived.FirstOrDefault(a => string.Equals(a.Sha256, fileHash, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return Result(ReportVerificationStatus.Verified, exact, claimed) with { FileSha256 = fileHash };
        }

        var named = claimed is null ? null : archived.FirstOrDefault(a => a.Names(claimed));
        return named is null
            ? new ReportVerification { Status = ReportVerificationStatus.Unknown, Claimed = claimed, FileSha256 = fileHash, OfficeId = claimed?.OfficeId, PeriodId = claimed?.PeriodId, Revision = claimed?.Revision }
            : Result(ReportVerificationStatus.Altered, named, claimed) with { FileSha256 = fileHash };
    }

    /// <summary>
    /// A printed copy cannot be hashed: its QR code's line is compared with the line inside the archived PDF of the
    /// same office, period and revision. A match says the code is genuine; the printed figures are then read
    /// against that archived PDF.
    /// </summary>
    public ReportVerification VerifyLine(string text)
    {
        if (!ReportVerificationLine.TryParse(text, out var claimed))
        {
            return new ReportVerification { Status = ReportVerificationStatus.Unknown };
        }

        var named = ArchivedReports().FirstOrDefault(a => a.Names(claimed));
        if (named is null)
        {
            return new ReportVerification { Status = ReportVerificationStatus.Unknown, Claimed = claimed, OfficeId = claimed.OfficeId, PeriodId = claimed.PeriodId, Revision = claimed.Revision };
        }

        var archivedLine = File.Exists(named.PdfPath) ? ReadVerificationLine(File.ReadAllBytes(named.PdfPath)) : null;
        var status = archivedLine == claimed.ToString() ? ReportVerificationStatus.Verified : ReportVerificationStatus.Altered;
        return Result(status, named, claimed);
    }

    /// <summary>
    /// The verification line stored in a PDF's Info dictionary (<see cref="ReportPdfRenderer.VerificationKey"/>), found by
    /// scanning the bytes, so a damaged copy still says what it claims to be. Null when there is none.
    /// </summary>
    public static string? ReadVerificationLine(ReadOnlySpan<byte> pdf)
    {
        var marker = Encoding.ASCII.GetBytes(ReportVerificationLine.Marker);
        var start = pdf.IndexOf(marker);
        if (start < 0)
        {
            return null;
        }

        // The line is a PDF literal string, so it ends at the first ')'; the line itself never contains one.
        var length = pdf[start..].IndexOf((byte)')');
        return length < 0 || length > 1024 ? null : Encoding.ASCII.GetString(pdf.Slice(start, length));
    }

    private static ReportVerification Result(ReportVerificationStatus status, ArchivedSignature archived, ReportVerificationLine? claimed) => new()
    {
        Status = status,
        Claimed = claimed,
        ArchivedPath = archived.PdfPath,
        ArchivedSha256 = archived.Sha256,
        OfficeId = archived.OfficeId,
        PeriodId = archived.PeriodId,
        Revision = archived.Revision,
    };

    /// <summary>Every signed revision: <c>reports/{office}/{period}/rev-{n}/{name}.pdf.sha256</c>, first field the hash.</summary>
    private IEnumerable<ArchivedSignature> ArchivedReports()
    {
        if (!Directory.Exists(ReportsFolder))
        {
            yield break;
        }

        foreach (var shaFile in Directory.EnumerateFiles(ReportsFolder, "*.pdf" + ShaSuffix, SearchOption.AllDirectories))
        {
            var revisionFolder = Path.GetDirectoryName(shaFile)!;
            var periodFolder = Path.GetDirectoryName(revisionFolder)!;
            var officeFolder = Path.GetDirectoryName(periodFolder)!;
            var revisionName = Path.GetFileName(revisionFolder);
            if (!revisionName.StartsWith("rev-", StringComparison.Ordinal)
                || !int.TryParse(revisionName[4..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision)
                || !string.Equals(Path.GetDirectoryName(officeFolder), ReportsFolder, StringComparison.Ordinal))
            {
                continue;
            }

            var hash = File.ReadAllText(shaFile).Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (hash is { Length: 64 })
            {
                yield return new ArchivedSignature(shaFile[..^ShaSuffix.Length], hash.ToLowerInvariant(), Path.GetFileName(officeFolder), Path.GetFileName(periodFolder), revision);
            }
        }
    }

    private sealed record ArchivedSignature(string PdfPath, string Sha256, string OfficeId, string PeriodId, int Revision)
    {
        public bool Names(ReportVerificationLine line) =>
            line.OfficeId == OfficeId && line.PeriodId == PeriodId && line.Revision == Revision;
    }
}
